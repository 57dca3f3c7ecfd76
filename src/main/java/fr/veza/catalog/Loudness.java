package fr.veza.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How loud a track is, as EBU R128 / ITU-R BS.1770 measure it: integrated loudness, loudness range and true peak.
 * The ReplayGain 2.0 track gain follows from it (reference -18 LUFS). A silent track has no integrated loudness and
 * no peak; its gain is 0, never the +52 dB a division by silence would give.
 *
 * @param integratedLufs null for silence
 * @param truePeakDbtp null for silence
 */
public record Loudness(Double integratedLufs, double rangeLu, Double truePeakDbtp) {

    /** ReplayGain 2.0's reference level. */
    public static final double REFERENCE_LUFS = -18.0;

    /** The loudest a player lets a track's true peak become once its gain is applied. */
    public static final double PEAK_CEILING_DBTP = -1.0;

    /** The gain that brings the track to the reference level, in dB, rounded to a hundredth. */
    @JsonProperty("track_gain_db")
    public double trackGainDb() {
        return integratedLufs == null ? 0 : round(REFERENCE_LUFS - integratedLufs);
    }

    /** The true peak as a linear sample value (1.0 is full scale), as ReplayGain tags carry it. */
    @JsonIgnore
    public double truePeakLinear() {
        return truePeakDbtp == null ? 0 : round(Math.pow(10, truePeakDbtp / 20), 6);
    }

    /** The gain a player applies: the track gain, lowered where it would push the true peak above -1 dBTP. */
    @JsonIgnore
    public double playbackGainDb() {
        double gain = trackGainDb();
        return truePeakDbtp == null ? gain : round(Math.min(gain, PEAK_CEILING_DBTP - truePeakDbtp));
    }

    private static double round(double value) {
        return round(value, 2);
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
