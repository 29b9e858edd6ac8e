package com.frontdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Phone numbers as patients type them, checked and written in E.164. */
class PhoneNumbersTest {

	@Test
	void writesNorthAmericanNumbersInE164() {
		for (String typed : new String[] { "(650) 555-1234", "650.555.1234", "650 555 1234", "1-650-555-1234",
				"+1 650 555 1234", "+16505551234", "011 1 650 555 1234", " 6505551234 " }) {
			assertThat(us(typed).number()).as(typed).isEqualTo("+16505551234");
		}
	}

	@Test
	void keepsInternationalNumbersWithTheirCountryCode() {
		assertThat(us("+44 7700 900123").number()).isEqualTo("+447700900123");
		assertThat(us("0044 7700 900123").number()).isEqualTo("+447700900123");
		assertThat(PhoneNumbers.normalise("07700 900123", "44").number()).isEqualTo("+447700900123");
		assertThat(PhoneNumbers.normalise("030 1234567", "49").number()).isEqualTo("+49301234567");
	}

	@Test
	void refusesWhatIsNotAPhoneNumberWithoutRepeatingIt() {
		String[] wrong = { "call me", "650-555-CALL", "555-1234", "+1 650 555 12345", "123", "+0 650 555 1234",
				"12345678901234567890", "650 555 1234 ext 12", "(150) 555-1234", "650; drop table", "",
				"+44 1234567890123456", "1".repeat(41) };
		for (String typed : wrong) {
			PhoneNumbers.Result result = us(typed);
			assertThat(result.valid()).as(typed).isFalse();
			assertThat(result.problem()).as(typed).isNotBlank();
			if (typed.length() > 3) {
				assertThat(result.problem()).as(typed).doesNotContain(typed.strip());
			}
		}
	}

	@Test
	void readsNumbersBackGrouped() {
		assertThat(PhoneNumbers.readable("+16505551234")).isEqualTo("+1 650 555 1234");
		assertThat(PhoneNumbers.readable("+447700900123")).isEqualTo("+447700900123");
	}

	private static PhoneNumbers.Result us(String typed) {
		return PhoneNumbers.normalise(typed, "1");
	}

}
