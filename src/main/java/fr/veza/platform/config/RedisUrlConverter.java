package fr.veza.platform.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

@Component
@ConfigurationPropertiesBinding
class RedisUrlConverter implements Converter<String, RedisUrl> {

    @Override
    public RedisUrl convert(String text) {
        return text.isBlank() ? null : RedisUrl.parse(text);
    }
}
