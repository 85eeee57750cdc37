package org.spotcheck.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Refuses text with control characters (NUL and the like; tab and line breaks are fine)
 * while reading JSON: PostgreSQL cannot store NUL, and no flag field has a use for them.
 */
@Component
class CleanTextModule extends SimpleModule {

    static final String MESSAGE = "must not contain control characters";

    CleanTextModule() {
        super("spotcheck-clean-text");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && hasControlCharacter(value)) {
                    throw new InvalidFormatException(parser, MESSAGE, value, String.class);
                }
                return value;
            }
        });
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
