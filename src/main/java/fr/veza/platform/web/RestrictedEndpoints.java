package fr.veza.platform.web;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Routes that need a role, checked before the request body is read (an upload by someone who may not upload is
 * refused before its bytes are received). Controllers check the same rule again on the object itself.
 */
public interface RestrictedEndpoints {

    List<Restriction> restrictions();

    /** @param role a role name without prefix, such as {@code ARTIST} */
    record Restriction(HttpMethod method, String pattern, String role) {}
}
