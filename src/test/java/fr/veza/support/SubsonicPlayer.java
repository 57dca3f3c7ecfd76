package fr.veza.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Calls {@code /rest} as a music player does: token authentication with a fresh salt per call, parameters in the
 * query string (repeated for lists), XML unless asked for JSON. Every XML answer is validated against the official
 * Subsonic 1.16.1 schema (subsonic.org's {@code subsonic-rest-api-1.16.1.xsd}), after taking off the three envelope
 * attributes OpenSubsonic adds ({@code type}, {@code serverVersion}, {@code openSubsonic}) and its songs'
 * {@code replayGain}, which that schema predates.
 */
public final class SubsonicPlayer {

    private static final Schema SCHEMA = schema();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final String username;
    private final String password;

    public SubsonicPlayer(Api api, String username, String appPassword) {
        this.api = api;
        this.username = username;
        this.password = appPassword;
    }

    /** The query string of a signed call: {@code u}, {@code t}, {@code s}, {@code v} and {@code c}, then the rest. */
    public String query(Map<String, List<String>> params) {
        String salt = HexFormat.of().formatHex(bytes(6));
        StringBuilder query = new StringBuilder(
                "u=" + encode(username) + "&t=" + md5(password + salt) + "&s=" + salt + "&v=1.16.1&c=veza-tests");
        params.forEach((name, values) -> values.forEach(
                value -> query.append('&').append(name).append('=').append(encode(value))));
        return query.toString();
    }

    /** An XML answer with {@code status="ok"}, validated against the schema; its root element. */
    public Element ok(String method, Map<String, List<String>> params) {
        Element root = xml(api.get("/rest/" + method + "?" + query(params)));
        assertThat(root.getAttribute("status"))
                .as("%s answered %s", method, text(root))
                .isEqualTo("ok");
        return root;
    }

    /** The same call in JSON: the {@code subsonic-response} object, status ok. */
    public JsonNode json(String method, Map<String, List<String>> params) {
        ApiResponse answer = api.get("/rest/" + method + "?" + query(params) + "&f=json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode response = answer.json().get("subsonic-response");
        assertThat(response.get("status").asText())
                .as("%s answered %s", method, answer.text())
                .isEqualTo("ok");
        return response;
    }

    /** A refused call's Subsonic error code, from a schema-valid XML answer with HTTP 200. */
    public int error(String method, Map<String, List<String>> params) {
        Element root = xml(api.get("/rest/" + method + "?" + query(params)));
        assertThat(root.getAttribute("status")).isEqualTo("failed");
        return Integer.parseInt(first(root, "error").getAttribute("code"));
    }

    /** A call answered with bytes (stream, download, covers), with request headers such as Range. */
    public HttpResponse<byte[]> bytes(String method, Map<String, List<String>> params, String... headers) {
        return api.bytes("/rest/" + method + "?" + query(params), headers);
    }

    /** A form-body POST to the {@code .view} path, as OpenSubsonic's formPost has it. */
    public Element post(String method, Map<String, List<String>> params) {
        Element root =
                xml(api.send("POST", "/rest/" + method + ".view", "application/x-www-form-urlencoded", query(params)));
        assertThat(root.getAttribute("status")).as(text(root)).isEqualTo("ok");
        return root;
    }

    public static Element xml(ApiResponse answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.text().getBytes(StandardCharsets.UTF_8)));
            Element root = document.getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo("http://subsonic.org/restapi");
            assertThat(root.getAttribute("type")).isEqualTo("veza");
            assertThat(root.getAttribute("openSubsonic")).isEqualTo("true");
            Element checked = (Element) root.cloneNode(true);
            checked.removeAttribute("type");
            checked.removeAttribute("serverVersion");
            checked.removeAttribute("openSubsonic");
            // OpenSubsonic's songs carry their ReplayGain values in an element the schema predates too
            for (Element replayGain : all(checked, "replayGain")) {
                replayGain.getParentNode().removeChild(replayGain);
            }
            SCHEMA.newValidator().validate(new DOMSource(checked));
            return root;
        } catch (Exception e) {
            throw new AssertionError("not a valid Subsonic answer: " + e.getMessage() + "\n" + answer.text(), e);
        }
    }

    /** The elements named {@code name} anywhere under {@code parent}. */
    public static List<Element> all(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://subsonic.org/restapi", name);
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> (Element) nodes.item(i))
                .toList();
    }

    public static Element first(Element parent, String name) {
        List<Element> found = all(parent, name);
        assertThat(found).as("<%s> in %s", name, text(parent)).isNotEmpty();
        return found.get(0);
    }

    /** The answer as text, for assertion messages. */
    public static String text(Element element) {
        try {
            var out = new java.io.StringWriter();
            javax.xml.transform.TransformerFactory.newInstance()
                    .newTransformer()
                    .transform(new DOMSource(element), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            return element.toString();
        }
    }

    public static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], name -> new java.util.ArrayList<>())
                    .add(pairs[i + 1]);
        }
        return params;
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            String xsd = new String(
                    SubsonicPlayer.class
                            .getResourceAsStream("/subsonic/subsonic-rest-api-1.16.1.xsd")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            return factory.newSchema(new javax.xml.transform.stream.StreamSource(new StringReader(xsd)));
        } catch (Exception e) {
            throw new IllegalStateException("the Subsonic schema", e);
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
