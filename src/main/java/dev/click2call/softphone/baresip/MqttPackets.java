package dev.click2call.softphone.baresip;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The few MQTT 3.1/3.1.1 packets baresip's {@code mqtt} module (libmosquitto) exchanges with a
 * broker: CONNECT/CONNACK, SUBSCRIBE/SUBACK, PUBLISH, PINGREQ/PINGRESP, DISCONNECT.
 */
final class MqttPackets {
  static final int CONNECT = 1;
  static final int CONNACK = 2;
  static final int PUBLISH = 3;
  static final int PUBACK = 4;
  static final int SUBSCRIBE = 8;
  static final int SUBACK = 9;
  static final int UNSUBSCRIBE = 10;
  static final int UNSUBACK = 11;
  static final int PINGREQ = 12;
  static final int PINGRESP = 13;
  static final int DISCONNECT = 14;

  /** baresip's messages are a few kilobytes; anything far larger is not baresip. */
  static final int MAX_REMAINING = 256 * 1024;

  private MqttPackets() {}

  /** One packet: its type, the flag bits of the first byte and the rest of the packet. */
  record Packet(int type, int flags, byte[] body) {}

  /** The credentials of a CONNECT packet (null when absent). */
  record Connect(String clientId, String user, byte[] password) {}

  /** A PUBLISH: topic, payload and, for QoS 1 and 2, the packet id (else -1). */
  record Publish(String topic, byte[] payload, int qos, int packetId) {}

  /** Reads one packet, or null at the end of the stream. */
  static Packet read(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    int length = 0;
    int shift = 0;
    int digit;
    do {
      digit = in.read();
      if (digit < 0) {
        throw new EOFException("truncated MQTT packet");
      }
      length |= (digit & 0x7f) << shift;
      shift += 7;
      if (shift > 21 || length > MAX_REMAINING) {
        throw new IOException("MQTT packet too long");
      }
    } while ((digit & 0x80) != 0);
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new EOFException("truncated MQTT packet");
    }
    return new Packet(first >> 4, first & 0x0f, body);
  }

  /** Encodes a packet with its fixed header. */
  static byte[] encode(int type, int flags, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
    out.write((type << 4) | flags);
    int length = body.length;
    do {
      int digit = length & 0x7f;
      length >>>= 7;
      out.write(length > 0 ? digit | 0x80 : digit);
    } while (length > 0);
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Parses a CONNECT body (protocol "MQTT" level 4, or "MQIsdp" level 3). */
  static Connect parseConnect(byte[] body) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
    String protocol = string(in);
    int level = in.readUnsignedByte();
    if (!(protocol.equals("MQTT") && level == 4) && !(protocol.equals("MQIsdp") && level == 3)) {
      throw new IOException("not MQTT 3.1 or 3.1.1");
    }
    int flags = in.readUnsignedByte();
    in.readUnsignedShort(); // keep-alive: baresip pings every 60 s
    String clientId = string(in);
    if ((flags & 0x04) != 0) {
      string(in); // will topic
      binary(in); // will message
    }
    String user = (flags & 0x80) != 0 ? string(in) : null;
    byte[] password = (flags & 0x40) != 0 ? binary(in) : null;
    return new Connect(clientId, user, password);
  }

  static Publish parsePublish(Packet packet) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(packet.body()));
    String topic = string(in);
    int qos = (packet.flags() >> 1) & 3;
    int id = qos > 0 ? in.readUnsignedShort() : -1;
    return new Publish(topic, in.readAllBytes(), qos, id);
  }

  /** The packet id of a SUBSCRIBE and how many topic filters it holds. */
  static int[] parseSubscribe(byte[] body) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
    int id = in.readUnsignedShort();
    int count = 0;
    while (in.available() > 0) {
      string(in);
      in.readUnsignedByte();
      count++;
    }
    return new int[] {id, count};
  }

  static byte[] connack(int returnCode) {
    return encode(CONNACK, 0, new byte[] {0, (byte) returnCode});
  }

  static byte[] suback(int packetId, int count) {
    byte[] body = new byte[2 + count]; // granted QoS 0 for each filter
    body[0] = (byte) (packetId >> 8);
    body[1] = (byte) packetId;
    return encode(SUBACK, 0, body);
  }

  static byte[] ack(int type, int packetId) {
    return encode(type, 0, new byte[] {(byte) (packetId >> 8), (byte) packetId});
  }

  static byte[] publish(String topic, byte[] payload) {
    byte[] name = topic.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[2 + name.length + payload.length];
    body[0] = (byte) (name.length >> 8);
    body[1] = (byte) name.length;
    System.arraycopy(name, 0, body, 2, name.length);
    System.arraycopy(payload, 0, body, 2 + name.length, payload.length);
    return encode(PUBLISH, 0, body);
  }

  private static String string(DataInputStream in) throws IOException {
    return new String(binary(in), StandardCharsets.UTF_8);
  }

  private static byte[] binary(DataInputStream in) throws IOException {
    int length = in.readUnsignedShort();
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("truncated MQTT field");
    }
    return bytes;
  }

  static boolean same(byte[] a, byte[] b) {
    return a != null && b != null && java.security.MessageDigest.isEqual(a, b);
  }

  static byte[] copy(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length);
  }
}
