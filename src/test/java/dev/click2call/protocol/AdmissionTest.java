package dev.click2call.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionTest {
  @Test
  void smallRequestsAreBoundedByCount() {
    Admission admission = new Admission();
    for (int i = 0; i < Admission.MAX_PENDING; i++) {
      assertThat(admission.tryAdmit(100)).isTrue();
    }
    assertThat(admission.tryAdmit(100)).isFalse();
    admission.release(100);
    assertThat(admission.tryAdmit(100)).isTrue();
  }

  @Test
  void oneLargeRequestIsAlwaysLetInButNotASecondOverTheBudget() {
    Admission admission = new Admission();
    int mib = 1024 * 1024;
    assertThat(admission.tryAdmit(mib)).isTrue();
    assertThat(admission.tryAdmit(Admission.LARGE_PAYLOAD_BYTES)).isFalse();
    assertThat(admission.tryAdmit(Admission.LARGE_PAYLOAD_BYTES - 1)).isTrue(); // small: by count
    admission.release(mib);
    assertThat(admission.tryAdmit(mib)).isTrue();
  }
}
