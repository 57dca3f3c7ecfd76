package fr.veza.subsonic.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <subsonic-response>} in the format the player asked for ({@code f=json}, else XML), with the
 * protocol version Veza speaks and the OpenSubsonic markers.
 */
@Component
public class SubsonicWriter {

    public static final String VERSION = "1.16.1";
    static final String NAMESPACE = "http://subsonic.org/restapi";
    private static final String SERVER_VERSION = serverVersion();

    private final ObjectMapper json;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    SubsonicWriter(ObjectMapper json) {
        this.json = json;
    }

    public ResponseEntity<String> ok(String format, SubsonicNode... content) {
        SubsonicNode response = envelope("ok");
        for (SubsonicNode node : content) {
            response.add(node);
        }
        return write(format, response);
    }

    public ResponseEntity<String> failed(String format, SubsonicError error) {
        return write(
                format,
                envelope("failed")
                        .add(SubsonicNode.of("error").with("code", error.code()).with("message", error.getMessage())));
    }

    private static SubsonicNode envelope(String status) {
        return SubsonicNode.of("subsonic-response")
                .with("status", status)
                .with("version", VERSION)
                .with("type", "veza")
                .with("serverVersion", SERVER_VERSION)
                .with("openSubsonic", true);
    }

    private ResponseEntity<String> write(String format, SubsonicNode response) {
        if ("json".equalsIgnoreCase(format)) {
            ObjectNode root = json.createObjectNode();
            root.set(response.name(), toJson(response));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(root.toString());
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .body(toXml(response));
    }

    private ObjectNode toJson(SubsonicNode node) {
        ObjectNode object = json.createObjectNode();
        node.attributes().forEach((name, value) -> object.set(name, json.valueToTree(value)));
        if (node.textValue() != null) {
            // an element with attributes and text (a genre): the JSON convention names the text "value"
            object.set("value", json.valueToTree(node.textValue()));
        }
        Map<String, List<SubsonicNode>> byName = new LinkedHashMap<>();
        for (SubsonicNode child : node.children()) {
            byName.computeIfAbsent(child.name(), name -> new ArrayList<>()).add(child);
        }
        byName.forEach((name, group) -> {
            if (group.size() > 1 || group.get(0).repeated()) {
                ArrayNode array = object.putArray(name);
                group.forEach(child -> array.add(jsonValue(child)));
            } else {
                object.set(name, jsonValue(group.get(0)));
            }
        });
        return object;
    }

    private com.fasterxml.jackson.databind.JsonNode jsonValue(SubsonicNode node) {
        if (node.textValue() != null
                && node.attributes().isEmpty()
                && node.children().isEmpty()) {
            return json.valueToTree(node.textValue());
        }
        return toJson(node);
    }

    private String toXml(SubsonicNode response) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            writeElement(writer, response, true);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a Subsonic answer", e);
        }
        return out.toString();
    }

    private static void writeElement(XMLStreamWriter writer, SubsonicNode node, boolean root)
            throws XMLStreamException {
        writer.writeStartElement(node.name());
        if (root) {
            writer.writeDefaultNamespace(NAMESPACE);
        }
        for (Map.Entry<String, Object> attribute : node.attributes().entrySet()) {
            writer.writeAttribute(attribute.getKey(), String.valueOf(attribute.getValue()));
        }
        if (node.textValue() != null) {
            writer.writeCharacters(String.valueOf(node.textValue()));
        }
        for (SubsonicNode child : node.children()) {
            writeElement(writer, child, false);
        }
        writer.writeEndElement();
    }

    private static String serverVersion() {
        String version = SubsonicWriter.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
