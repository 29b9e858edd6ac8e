package com.frontdesk.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.frontdesk.channels.messaging.Fixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code X-Twilio-Signature} against twilio-java's official vectors and the dataset's signed SMS. */
class TwilioSignatureTest {

	final JsonNode vectors = JsonMapper.builder().build().readTree(Fixtures.text("twilio-signature-vectors.json"));

	@Test
	void matchesTwilioJavasVectors() {
		String token = vectors.path("auth_token").stringValue();
		Map<String, List<String>> params = new LinkedHashMap<>();
		vectors.path("params").properties().forEach(e -> params.put(e.getKey(), List.of(e.getValue().stringValue())));
		String configured = vectors.path("url").stringValue();

		for (JsonNode vector : vectors.path("cases")) {
			String url = vector.path("url").stringValue();
			String expected = vector.path("expected_signature").stringValue();
			if (vector.path("valid").isBoolean()) {
				assertThat(TwilioSignature.matches(token, configured, params, expected)).as(vector.path("name").stringValue())
					.isEqualTo(vector.path("valid").booleanValue());
			}
			else {
				assertThat(TwilioSignature.compute(token, url, params)).as(vector.path("name").stringValue())
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void acceptsTheSignatureOfTheUrlWithItsDefaultPortWrittenOut() {
		String token = vectors.path("auth_token").stringValue();
		Map<String, List<String>> params = new LinkedHashMap<>();
		vectors.path("params").properties().forEach(e -> params.put(e.getKey(), List.of(e.getValue().stringValue())));

		assertThat(TwilioSignature.matches(token, "https://mycompany.com/myapp.php?foo=1&bar=2", params,
				"kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
		assertThat(TwilioSignature.matches(token, "http://mycompany.com/myapp.php?foo=1&bar=2", params,
				"0ZXoZLH/DfblKGATFgpif+LLRf4=")).isTrue();
		assertThat(TwilioSignature.matches(token, "https://mycompany.com/myapp.php?foo=1&bar=2", params,
				"Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")).isFalse();
	}

	@Test
	void signsTheSortedParametersOfTheRawFormBody() {
		JsonNode twilio = JsonMapper.builder().build().readTree(Fixtures.text("signatures-computed.json")).path("twilio");
		FormBody form = FormBody.parse(Fixtures.bytes("twilio-sms.form"));

		assertThat(form.first("Body")).isEqualTo("What would show a disk issue vs a steain");
		assertThat(TwilioSignature.compute(twilio.path("auth_token").stringValue(), twilio.path("url").stringValue(),
				form.parameters())).isEqualTo(twilio.path("signature").stringValue());
	}

}
