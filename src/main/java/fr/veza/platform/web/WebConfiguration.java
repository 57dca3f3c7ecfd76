package fr.veza.platform.web;

import org.openapitools.jackson.nullable.JsonNullableModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Lets PATCH bodies tell an absent field (leave it) from an explicit null (clear it). */
    @Bean
    JsonNullableModule jsonNullableModule() {
        return new JsonNullableModule();
    }

    /** {@code /health} is the short address operators and load balancers expect; it is the actuator's answer. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/health").setViewName("forward:/actuator/health");
    }
}
