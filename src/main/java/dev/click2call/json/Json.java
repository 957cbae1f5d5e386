package dev.click2call.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for protocol messages, settings and the bundled ids: jackson-core's streaming parser and
 * generator, nothing more (start-up time counts; no data binding). Values are {@link Map}s (keys in
 * order), {@link List}s, {@link String}s, {@link Number}s (Integer, Long or BigInteger for whole
 * numbers, Double otherwise), {@link Boolean}s and null.
 */
public final class Json {
  // Default read constraints: nesting depth, number and string length are bounded.
  private static final JsonFactory FACTORY = new JsonFactory();

  /** A small message with every kind of value, for {@link #warmUp}. */
  private static final byte[] WARM_UP =
      "{\"a\":[1,2.5,true,false,null,{\"b\":\"c\"}]}".getBytes(StandardCharsets.UTF_8);

  private Json() {}

  /**
   * Runs the codec once over a small message, so that its classes are loaded and initialized before
   * the first real frame needs them.
   */
  public static void warmUp() {
    encode(decodeObject(WARM_UP));
  }

  /**
   * Decodes one frame. Returns the object, or throws {@link IllegalArgumentException} with a short
   * reason when the payload is not valid UTF-8 JSON or not an object.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> decodeObject(byte[] payload) {
    Object value = decode(payload);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("the message is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /**
   * Decodes one JSON value (a whole document: nothing may follow it). Throws {@link
   * IllegalArgumentException} "not valid JSON: reason" for anything else, duplicate keys included.
   */
  public static Object decode(byte[] payload) {
    try (JsonParser parser = FACTORY.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw invalid("no content");
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw invalid("content after the end of the value");
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw e; // already a reason of ours
    } catch (JsonProcessingException e) {
      throw invalid(firstLine(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      throw invalid(firstLine(e.getMessage()));
    }
  }

  public static byte[] encode(Map<String, ?> message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(generator, message);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a protocol message", e);
    }
    return out.toByteArray();
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
          Object value = read(parser, parser.nextToken());
          if (object.containsKey(key)) {
            throw invalid("duplicate key '" + clip(key) + "'");
          }
          object.put(key, value);
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          array.add(read(parser, item));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return wholeNumber(parser.getText());
      case VALUE_NUMBER_FLOAT:
        return Double.valueOf(parser.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw invalid("unexpected " + token);
    }
  }

  /**
   * Integer, Long or BigInteger, the smallest that holds the value. Converted here rather than by
   * {@code getNumberValue()}: jackson-core's number reader compiles a regular expression (and with
   * it the JVM's lambda machinery) when first used, milliseconds on the way to the first reply. The
   * parser has already checked the syntax and bounded the length (1,000 digits by default).
   */
  private static Number wholeNumber(String digits) {
    if (digits.length() <= 18) { // at most 18 digits (or a sign and 17): always within a long
      long value = Long.parseLong(digits);
      return value == (int) value ? (Number) Integer.valueOf((int) value) : Long.valueOf(value);
    }
    BigInteger value = new BigInteger(digits);
    return value.bitLength() < Long.SIZE ? (Number) Long.valueOf(value.longValue()) : value;
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull(); // the contract has fields such as "id":null and "call":null
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      // A loop rather than forEach: no lambda on the way to the host's first reply.
      for (Map.Entry<?, ?> field : map.entrySet()) {
        generator.writeFieldName(String.valueOf(field.getKey()));
        write(generator, field.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      generator.writeStartArray();
      for (Object item : items) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Number number) {
      writeNumber(generator, number);
    } else {
      throw new IllegalStateException(
          "cannot encode a " + value.getClass().getName() + " in a protocol message");
    }
  }

  private static void writeNumber(JsonGenerator generator, Number number) throws IOException {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      generator.writeNumber(number.intValue());
    } else if (number instanceof Long) {
      generator.writeNumber(number.longValue());
    } else if (number instanceof Double) {
      generator.writeNumber(number.doubleValue());
    } else if (number instanceof Float) {
      generator.writeNumber(number.floatValue());
    } else if (number instanceof BigInteger whole) {
      generator.writeNumber(whole);
    } else if (number instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else {
      throw new IllegalStateException(
          "cannot encode a " + number.getClass().getName() + " in a protocol message");
    }
  }

  private static IllegalArgumentException invalid(String reason) {
    return new IllegalArgumentException("not valid JSON: " + reason);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable input";
    }
    int newline = text.indexOf('\n');
    return clip(newline < 0 ? text : text.substring(0, newline));
  }

  private static String clip(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
