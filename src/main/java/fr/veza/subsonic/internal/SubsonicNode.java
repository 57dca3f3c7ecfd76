package fr.veza.subsonic.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An element of a Subsonic answer, written as XML or JSON alike: attributes become XML attributes or JSON fields,
 * children become elements or fields, and a child marked {@code repeated} is a JSON array even when it occurs once
 * (players read lists as arrays), as the Subsonic JSON convention has it.
 */
public final class SubsonicNode {

    private final String name;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final List<SubsonicNode> children = new ArrayList<>();
    private boolean repeated;
    private Object text;

    private SubsonicNode(String name, boolean repeated) {
        this.name = name;
        this.repeated = repeated;
    }

    /** An element that occurs once in its parent. */
    public static SubsonicNode of(String name) {
        return new SubsonicNode(name, false);
    }

    /** An element of a list: a JSON array in its parent, whatever the number of its siblings. */
    public static SubsonicNode item(String name) {
        return new SubsonicNode(name, true);
    }

    /** This element alone in its parent (a JSON object, not an array), as when one album is the whole answer. */
    public SubsonicNode alone() {
        this.repeated = false;
        return this;
    }

    /** A null value is left out, as players expect of an absent attribute. */
    public SubsonicNode with(String attribute, Object value) {
        if (value != null) {
            attributes.put(attribute, value);
        }
        return this;
    }

    public SubsonicNode add(SubsonicNode child) {
        children.add(child);
        return this;
    }

    /** The element's text content (XML) or its value (JSON), for elements that are only a value. */
    public SubsonicNode text(Object value) {
        this.text = value;
        return this;
    }

    String name() {
        return name;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    List<SubsonicNode> children() {
        return children;
    }

    boolean repeated() {
        return repeated;
    }

    Object textValue() {
        return text;
    }
}
