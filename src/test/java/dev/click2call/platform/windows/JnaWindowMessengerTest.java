package dev.click2call.platform.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinUser;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What can be checked of the JNA bindings without Windows. */
class JnaWindowMessengerTest {
  /**
   * Defect 11.2: {@code SendMessageTimeoutW} writes a {@code DWORD_PTR}: 8 bytes on x64. A 4-byte
   * slot (jna-platform's {@code DWORDByReference}) lets it overwrite 4 bytes of other memory.
   */
  @Test
  void theResultSlotIsPointerSized() {
    Memory slot = (Memory) JnaWindowMessenger.resultSlot().getPointer();
    assertThat(slot.size()).isEqualTo(Native.POINTER_SIZE).isEqualTo(8);
    for (Method method : User32Calls.class.getMethods()) {
      if (method.getName().equals("SendMessageTimeout")) {
        Class<?>[] types = method.getParameterTypes();
        assertThat(types[types.length - 1]).isEqualTo(JnaWindowMessenger.resultSlot().getClass());
      }
    }
  }

  /**
   * Defect 11.7: the {@code WM_COPYDATA} form takes the structure itself as an argument, so JNA
   * holds it (and through {@code lpData} the buffer) for the whole call, not just its address.
   */
  @Test
  void theCopyDataStructureIsAnArgumentNotABareAddress() {
    assertThat(
            Arrays.stream(User32Calls.class.getMethods())
                .filter(m -> m.getName().equals("SendMessageTimeout"))
                .map(m -> m.getParameterTypes()[3]))
        .contains(WinUser.COPYDATASTRUCT.class);
  }
}
