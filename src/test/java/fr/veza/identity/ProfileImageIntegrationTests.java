package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Avatars and banners: sniffed, size-checked before decoding, re-drawn to their shape, public, replaced cleanly. */
class ProfileImageIntegrationTests extends IntegrationTest {

    @TempDir
    Path files;

    @Test
    void anAvatarAndABannerAreRedrawnToTheirShapeAndServedToAnyone() throws Exception {
        TestUser person = register("artist");
        ApiResponse avatar = as(person).upload("PUT", "/api/v1/me/avatar", Map.of("file", png(800, 400)), Map.of());
        assertThat(avatar.status()).isEqualTo(200);
        String avatarUrl = avatar.field("avatar_url");
        assertThat(avatarUrl).startsWith("/api/v1/users/" + person.id() + "/images/avatar-");

        var image = api().bytes(avatarUrl);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertThat(drawn.getWidth()).isEqualTo(400).isEqualTo(drawn.getHeight());
        assertThat(api().get("/api/v1/users/" + person.id()).field("avatar_url"))
                .isEqualTo(avatarUrl);

        String bannerUrl = as(person)
                .upload("PUT", "/api/v1/me/banner", Map.of("file", png(3000, 2000)), Map.of())
                .field("banner_url");
        BufferedImage banner =
                ImageIO.read(new ByteArrayInputStream(api().bytes(bannerUrl).body()));
        assertThat(banner.getWidth()).isEqualTo(1500);
        assertThat(banner.getHeight()).isEqualTo(500);

        String replaced = as(person)
                .upload("PUT", "/api/v1/me/avatar", Map.of("file", png(300, 300)), Map.of())
                .field("avatar_url");
        assertThat(replaced).isNotEqualTo(avatarUrl);
        assertThat(api().bytes(avatarUrl).statusCode())
                .as("the old image is gone")
                .isEqualTo(404);
        assertThat(as(person).delete("/api/v1/me/avatar").status()).isEqualTo(204);
        assertThat(api().bytes(replaced).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/v1/users/" + person.id())
                        .json()
                        .get("avatar_url")
                        .isNull())
                .isTrue();
    }

    @Test
    void whatIsNotAReasonableImageIsRefusedAndChangesNothing() throws Exception {
        TestUser person = register();
        Path text = files.resolve("not-an-image.png");
        Files.writeString(text, "hello, I am text");
        ApiResponse notImage = as(person).upload("PUT", "/api/v1/me/avatar", Map.of("file", text), Map.of());
        assertThat(notImage.status()).isEqualTo(415);
        assertThat(notImage.contentType()).startsWith("application/problem+json");

        // a few bytes that claim 20,000 x 20,000 pixels: refused from the header, never decoded
        Path bomb = files.resolve("bomb.png");
        Files.write(bomb, pngHeaderClaiming(20_000, 20_000));
        ApiResponse huge = as(person).upload("PUT", "/api/v1/me/avatar", Map.of("file", bomb), Map.of());
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.text()).contains("8000 pixels");

        assertThat(api().get("/api/v1/users/" + person.id())
                        .json()
                        .get("avatar_url")
                        .isNull())
                .isTrue();
        assertThat(api().bytes("/api/v1/users/" + person.id() + "/images/..%2F..%2Fsecrets")
                        .statusCode())
                .isIn(400, 404);
        assertThat(api().bytes("/api/v1/users/" + person.id() + "/images/avatar-0.jpg")
                        .statusCode())
                .isEqualTo(404);
    }

    private Path png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        Path file = files.resolve(width + "x" + height + ".png");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .array();
    }
}
