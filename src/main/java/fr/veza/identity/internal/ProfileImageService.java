package fr.veza.identity.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.FieldViolation;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.storage.BlobStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A person's avatar and banner, uploaded as images Veza re-draws itself: the bytes are sniffed (JPEG or PNG), the
 * size read from the header before anything is decoded (a small file cannot claim a gigapixel), and what is kept is
 * a fresh JPEG at a fixed size under a new random name, so nothing of the upload (metadata, location) is served and
 * a changed image is a new address that caches never confuse with the old one.
 */
@Service
public class ProfileImageService implements fr.veza.identity.Avatars {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final int MAX_SIDE = 8_000;
    private static final String PATH = "/api/v1/users/";
    /** What the JDK can decode and re-draw. */
    private static final java.util.Set<String> ACCEPTED = java.util.Set.of("image/jpeg", "image/png");

    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final ProfileChanges profileChanges;
    private final UserRepository users;
    private final SecureRandom random = new SecureRandom();
    private final Detector detector = new DefaultDetector();

    ProfileImageService(BlobStore blobs, JdbcClient jdbc, ProfileChanges profileChanges, UserRepository users) {
        this.blobs = blobs;
        this.users = users;
        this.jdbc = jdbc;
        this.profileChanges = profileChanges;
    }

    /** What a profile image is: the column it lives in and the shape it is drawn to. */
    public enum Kind {
        AVATAR("avatar", 512, 512),
        BANNER("banner_url", 1500, 500);

        private final String column;
        private final int width;
        private final int height;

        Kind(String column, int width, int height) {
            this.column = column;
            this.width = width;
            this.height = height;
        }

        String fileStem() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Stores the image and answers its public address. */
    public String replace(CurrentUser user, Kind kind, byte[] upload) {
        if (upload.length == 0) {
            throw invalid("the file is empty");
        }
        if (upload.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (!ACCEPTED.contains(detect(upload))) {
            throw new VezaException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The file is not an image Veza can read; upload a JPEG or a PNG.",
                    List.of(new FieldViolation("file", "unsupported format")),
                    Map.of());
        }
        byte[] jpeg = redraw(upload, kind);
        String name = kind.fileStem() + "-" + HexFormat.of().formatHex(randomBytes()) + ".jpg";
        String key = prefix(user.id()) + name;
        try {
            blobs.put(key, new ByteArrayInputStream(jpeg), jpeg.length, "image/jpeg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = PATH + user.id() + "/images/" + name;
        String previous = currentUrl(user.id(), kind);
        jdbc.sql("UPDATE users SET " + kind.column + " = :url, updated_at = now() WHERE id = :id")
                .param("url", url)
                .param("id", user.id())
                .update();
        profileChanges.changed(user.id());
        forget(user.id(), previous);
        return url;
    }

    public void remove(CurrentUser user, Kind kind) {
        String previous = currentUrl(user.id(), kind);
        jdbc.sql("UPDATE users SET " + kind.column + " = NULL, updated_at = now() WHERE id = :id")
                .param("id", user.id())
                .update();
        profileChanges.changed(user.id());
        forget(user.id(), previous);
    }

    /** The stored image, when {@code name} is one of this person's (names are made here, never taken as paths). */
    public InputStream open(UUID userId, String name) throws IOException {
        if (!name.matches("(avatar|banner)-[0-9a-f]{32}\\.jpg")
                || users.findById(userId).isEmpty()) {
            // a closed account's images are gone with its profile, though kept until erasure for a recovery
            throw VezaException.notFound("Image " + name);
        }
        String key = prefix(userId) + name;
        if (!blobs.exists(key)) {
            throw VezaException.notFound("Image " + name);
        }
        return blobs.open(key);
    }

    @Override
    public java.util.Optional<byte[]> avatar(UUID userId) {
        String url = currentUrl(userId, Kind.AVATAR);
        String own = PATH + userId + "/images/";
        if (url == null || !url.startsWith(own)) {
            return java.util.Optional.empty();
        }
        try (InputStream image = open(userId, url.substring(own.length()))) {
            return java.util.Optional.of(image.readAllBytes());
        } catch (VezaException | IOException gone) {
            return java.util.Optional.empty();
        }
    }

    /** Erasure and closure take every image of the person. */
    void eraseAll(UUID userId) throws IOException {
        blobs.deletePrefix(prefix(userId));
    }

    private void forget(UUID userId, String previousUrl) {
        String own = PATH + userId + "/images/";
        if (previousUrl != null && previousUrl.startsWith(own)) {
            try {
                blobs.delete(prefix(userId) + previousUrl.substring(own.length()));
            } catch (IOException leftBehind) {
                // an orphan image costs a little storage and is taken with the account's prefix on erasure
            }
        }
    }

    private String currentUrl(UUID userId, Kind kind) {
        return jdbc.sql("SELECT " + kind.column + " FROM users WHERE id = :id")
                .param("id", userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String prefix(UUID userId) {
        return "users/" + userId + "/images/";
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Centre-cropped to the kind's shape, scaled down to its size, written as a JPEG with no metadata. */
    private static byte[] redraw(byte[] upload, Kind kind) {
        BufferedImage source;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid("the image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw invalid("the image is larger than " + MAX_SIDE + " pixels on a side");
                }
                source = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof VezaException refused) {
                throw refused;
            }
            throw invalid("the image cannot be read");
        }
        double wanted = (double) kind.width / kind.height;
        int cropWidth = source.getWidth();
        int cropHeight = (int) Math.round(cropWidth / wanted);
        if (cropHeight > source.getHeight()) {
            cropHeight = source.getHeight();
            cropWidth = (int) Math.round(cropHeight * wanted);
        }
        int x = (source.getWidth() - cropWidth) / 2;
        int y = (source.getHeight() - cropHeight) / 2;
        int width = Math.min(kind.width, cropWidth);
        int height = Math.min(kind.height, cropHeight);
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, x, y, x + cropWidth, y + cropHeight, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(target, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The type the bytes say they are (magic numbers), never the name or the type the client sent. */
    private String detect(byte[] upload) {
        try {
            return detector.detect(new ByteArrayInputStream(upload), new Metadata())
                    .getBaseType()
                    .toString();
        } catch (IOException unreadable) {
            return "";
        }
    }

    public static VezaException tooLarge() {
        return new VezaException(ErrorCode.PAYLOAD_TOO_LARGE, "The image is larger than " + MAX_BYTES + " bytes.");
    }

    private static VezaException invalid(String why) {
        return VezaException.invalid("file", why);
    }
}
