package fr.veza.platform.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    UserCache userCache(
            ObjectProvider<StatefulRedisConnection<String, byte[]>> redis, ObjectMapper json, MeterRegistry meters) {
        StatefulRedisConnection<String, byte[]> connection = redis.getIfAvailable();
        // a cached value written by an older version may carry fields this one no longer reads
        ObjectMapper lenient = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return connection != null ? new RedisUserCache(connection, lenient, meters) : new LocalUserCache();
    }
}
