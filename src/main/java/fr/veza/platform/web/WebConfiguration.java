package fr.veza.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
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

    /** springdoc describes bodies with the application's own JSON settings (snake_case names), not its own. */
    @Bean
    ModelResolver modelResolver(ObjectMapper json) {
        return new ModelResolver(json);
    }

    /** Lets PATCH bodies tell an absent field (leave it) from an explicit null (clear it). */
    @Bean
    JsonNullableModule jsonNullableModule() {
        return new JsonNullableModule();
    }
}
