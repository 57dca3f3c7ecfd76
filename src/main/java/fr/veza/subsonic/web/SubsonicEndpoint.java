package fr.veza.subsonic.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * A Subsonic method: players call it by GET or by POST with a form body (OpenSubsonic's formPost), as {@code NAME}
 * or {@code NAME.view}, so both paths are given.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@RequestMapping(method = {RequestMethod.GET, RequestMethod.POST})
@interface SubsonicEndpoint {

    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String[] value();
}
