package fr.veza.platform.db;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

@Component
@ConfigurationPropertiesBinding
class DatabaseUrlConverter implements Converter<String, DatabaseUrl> {

    @Override
    public DatabaseUrl convert(String text) {
        return text.isBlank() ? null : DatabaseUrl.parse(text);
    }
}
