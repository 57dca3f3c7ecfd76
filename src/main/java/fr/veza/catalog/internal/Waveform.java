package fr.veza.catalog.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The peaks a player draws: the loudest sample of each of up to {@link #POINTS} equal slices of the track, from
 * 0 to 1. Built from 16-bit mono PCM at {@link #SAMPLE_RATE} Hz as ffmpeg decodes it, 10 ms at a time, so the
 * track's length need not be known in advance.
 */
final class Waveform {

    static final int SAMPLE_RATE = 8_000;
    static final int POINTS = 1_000;
    private static final int WINDOW = SAMPLE_RATE / 100;

    private float[] windows = new float[4_096];
    private int count;
    private long samples;

    void read(InputStream pcm) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(pcm, 64 * 1024));
        int inWindow = 0;
        int peak = 0;
        byte[] frame = new byte[2];
        while (true) {
            try {
                in.readFully(frame);
            } catch (EOFException end) {
                break;
            }
            int sample = (short) ((frame[0] & 0xff) | (frame[1] << 8));
            peak = Math.max(peak, Math.abs(sample));
            samples++;
            if (++inWindow == WINDOW) {
                add(peak / 32768f);
                inWindow = 0;
                peak = 0;
            }
        }
        if (inWindow > 0) {
            add(peak / 32768f);
        }
    }

    private void add(float value) {
        if (count == windows.length) {
            windows = Arrays.copyOf(windows, windows.length * 2);
        }
        windows[count++] = Math.min(1f, value);
    }

    /** The decoded length in milliseconds. */
    long durationMs() {
        return samples * 1000 / SAMPLE_RATE;
    }

    float[] peaks() {
        int points = Math.min(POINTS, count);
        float[] peaks = new float[points];
        for (int i = 0; i < points; i++) {
            int from = (int) ((long) i * count / points);
            int to = (int) ((long) (i + 1) * count / points);
            float max = 0;
            for (int w = from; w < Math.max(to, from + 1); w++) {
                max = Math.max(max, windows[w]);
            }
            peaks[i] = Math.round(max * 1000) / 1000f;
        }
        return peaks;
    }
}
