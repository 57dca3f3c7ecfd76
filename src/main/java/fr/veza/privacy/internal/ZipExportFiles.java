package fr.veza.privacy.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * An export written as a ZIP straight into an output stream (a temporary file): rows are streamed from the database
 * into JSON one at a time and audio is copied from the blob store in chunks, so an export of any size never sits in
 * memory. {@link #finish} adds the README that describes every file.
 */
class ZipExportFiles implements ExportFiles {

    private final ZipOutputStream zip;
    private final NamedParameterJdbcTemplate jdbc;
    private final BlobStore blobs;
    private final ObjectMapper json;
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    ZipExportFiles(OutputStream out, NamedParameterJdbcTemplate jdbc, BlobStore blobs, ObjectMapper json) {
        this.zip = new ZipOutputStream(out);
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.json = json;
    }

    @Override
    public void rows(String file, String description, String sql, Map<String, ?> params) throws IOException {
        describe(file, description);
        zip.putNextEntry(new ZipEntry(file));
        JsonGenerator out = json.getFactory().createGenerator(zip, JsonEncoding.UTF8);
        // closing the file's writer must leave the archive open for the next file
        out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        out.useDefaultPrettyPrinter();
        out.writeStartArray();
        try {
            jdbc.query(sql, params, (ResultSet rs) -> {
                try {
                    writeRow(out, rs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.writeEndArray();
        out.close();
        zip.closeEntry();
    }

    @Override
    public void blob(String file, String blobKey) throws IOException {
        InputStream in;
        try {
            in = blobs.open(blobKey);
        } catch (IOException gone) {
            // a file lost from storage must not cost the person the rest of their export
            missing.add(file);
            return;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(file));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    @Override
    public void describe(String files, String description) {
        descriptions.put(files, description);
    }

    void finish(UUID userId, Instant at) throws IOException {
        StringBuilder readme = new StringBuilder()
                .append("Veza: your data\n===============\n\n")
                .append("Everything Veza holds about account ")
                .append(userId)
                .append(", as of ")
                .append(at)
                .append(".\nEach .json file is an array of objects; times are UTC (ISO-8601), money is an integer")
                .append(" amount in minor units with its ISO 4217 currency. Other people appear only as ids.\n\n");
        descriptions.forEach((file, text) ->
                readme.append("- ").append(file).append(": ").append(text).append('\n'));
        if (!missing.isEmpty()) {
            readme.append("\nThese files could not be read from storage and are missing: ")
                    .append(String.join(", ", missing))
                    .append(".\n");
        }
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(readme.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    private static void writeRow(JsonGenerator out, ResultSet rs) throws IOException, SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        out.writeStartObject();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.writeFieldName(meta.getColumnLabel(i));
            String type = meta.getColumnTypeName(i);
            if ("json".equals(type) || "jsonb".equals(type)) {
                String raw = rs.getString(i);
                if (raw == null) {
                    out.writeNull();
                } else {
                    out.writeRawValue(raw);
                }
            } else {
                writeValue(out, rs.getObject(i));
            }
        }
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException, SQLException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Timestamp time) {
            out.writeString(time.toInstant().toString());
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof java.math.BigDecimal number) {
            out.writeNumber(number);
        } else if (value instanceof Array array) {
            out.writeStartArray();
            for (Object element : (Object[]) array.getArray()) {
                writeValue(out, element);
            }
            out.writeEndArray();
        } else {
            out.writeString(value.toString());
        }
    }
}
