package dev.click2call.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StdoutGuardTest {
  private PrintStream originalOut;
  private InputStream originalIn;
  private final StringBuilder logged = new StringBuilder();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.append(record.getLevel()).append(' ').append(record.getMessage()).append('|');
          if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
              logged.append(parameter).append('|');
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void keepTheRealStreams() {
    originalOut = System.out;
    originalIn = System.in;
    Logger.getLogger(StdoutGuard.class.getName()).addHandler(capture);
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setIn(originalIn);
    Logger.getLogger(StdoutGuard.class.getName()).removeHandler(capture);
  }

  @Test
  void strayPrintsGoToTheLogNotToTheProtocolStream() throws Exception {
    ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    StdoutGuard guard = StdoutGuard.install(protocol, new ByteArrayInputStream(new byte[0]));

    System.out.println("a library chatting on stdout");
    System.out.print("no newline yet");
    System.out.flush();

    assertThat(protocol.size()).isZero();
    assertThat(guard.strayBytes()).isGreaterThan(20);
    assertThat(logged.toString())
        .contains(Level.WARNING.toString())
        .contains("a library chatting on stdout")
        .contains("no newline yet");
  }

  @Test
  void theProtocolStreamsAreTheRealOnesAndStdinIsReserved() throws Exception {
    ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    ByteArrayInputStream frames = new ByteArrayInputStream(new byte[] {1, 2, 3});
    StdoutGuard guard = StdoutGuard.install(protocol, frames);

    guard.protocolOut().write(42);
    assertThat(protocol.toByteArray()).containsExactly(42);
    assertThat(guard.protocolIn().read()).isEqualTo(1);
    assertThat(System.in.read()).isEqualTo(-1);
  }
}
