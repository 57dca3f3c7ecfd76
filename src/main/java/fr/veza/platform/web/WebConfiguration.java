package fr.veza.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import org.openapitools.jackson.nullable.JsonNullableModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new NulParameterInterceptor());
    }

    /** A request the firewall refuses ({@code ..%2F}, {@code %00}, ...) is a 400 problem, not a server error. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(400);
    }

    /**
     * springdoc describes bodies with the application's own JSON settings (snake_case names), not its own, and
     * names a nested record after its enclosing class too: two controllers' {@code Price} or {@code Registered}
     * would otherwise share one schema, and one of them would be documented wrong.
     */
    @Bean
    ModelResolver modelResolver(ObjectMapper json) {
        return new ModelResolver(json, new NestedTypeNames());
    }

    private static final class NestedTypeNames extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> enclosing = type.getEnclosingClass();
            return enclosing == null ? super.getNameOfClass(type) : enclosing.getSimpleName() + type.getSimpleName();
        }
    }

    /** Lets PATCH bodies tell an absent field (leave it) from an explicit null (clear it). */
    @Bean
    JsonNullableModule jsonNullableModule() {
        return new JsonNullableModule();
    }
}
