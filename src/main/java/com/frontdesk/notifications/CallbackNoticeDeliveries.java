package com.frontdesk.notifications;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.frontdesk.booking.CallbackDeliveries;

/** How the notices about callback requests stand, for booking's admin list, from the outbox. */
@Component
class CallbackNoticeDeliveries implements CallbackDeliveries {

	private final PracticeNotifications notifications;

	CallbackNoticeDeliveries(PracticeNotifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public Map<String, List<Delivery>> of(Collection<String> callbackIds) {
		return notifications.deliveries(PracticeNotice.CALLBACK_REQUEST, callbackIds)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue()
				.stream()
				.map(state -> new Delivery(state.target(), state.status(), state.attempts(), state.lastError(),
						state.deliveredAt(), state.nextAttemptAt()))
				.toList()));
	}

}
