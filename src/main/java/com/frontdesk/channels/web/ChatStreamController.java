package com.frontdesk.channels.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.frontdesk.conversation.Channel;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.conversation.ReplyListener;
import com.frontdesk.conversation.TurnPipeline;
import com.frontdesk.conversation.TurnRequest;
import com.frontdesk.platform.Problems;
import com.frontdesk.platform.RequestIds;
import com.frontdesk.platform.RequestNotKept;
import com.frontdesk.platform.logging.StackTraces;
import com.frontdesk.retrieval.KnowledgeUnavailable;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/chat/stream}: the same request as {@code /api/chat}, answered as server-sent events:
 * {@code meta} (conversationId), {@code token} (text pieces), {@code restart} when the pieces sent so far are
 * withdrawn (a model's draft replaced by a safer reply, whose pieces follow), {@code citations}, {@code actions},
 * then {@code done} with the complete reply (the same JSON as {@code /api/chat}), or {@code error} with a problem.
 * A request that is wrong from the start (empty, too long, unknown conversation) gets a plain problem response
 * instead of a stream.
 */
@RestController
class ChatStreamController {

	private static final Logger log = LoggerFactory.getLogger(ChatStreamController.class);

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(3);

	static final Duration FINISH_AT_STOP = Duration.ofSeconds(10);

	private final TurnPipeline pipeline;

	private final ChatProblems problems;

	private final ExecutorService turns = Executors.newVirtualThreadPerTaskExecutor();

	private final WidgetPractices practices;

	ChatStreamController(TurnPipeline pipeline, ChatProblems problems, WidgetPractices practices) {
		this.pipeline = pipeline;
		this.problems = problems;
		this.practices = practices;
	}

	@PostMapping(path = "/api/chat/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		ChatRequest chat = ChatRequest.from(body);
		TurnRequest request = new TurnRequest(practices.of(chat.practice(), origin), Channel.WEB, chat.conversationId(),
				chat.message(), chat.language(), chat.page());
		pipeline.validate(request);
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		turns.submit(RequestIds.carry(() -> run(request, emitter)));
		return emitter;
	}

	private void run(TurnRequest request, SseEmitter emitter) {
		Events events = new Events(emitter);
		try {
			ChatReply reply = pipeline.handle(request, events);
			events.send("citations", reply.citations());
			events.send("actions", reply.actions());
			events.send("done", reply);
			emitter.complete();
		}
		catch (KnowledgeUnavailable ex) {
			events.send("error", problems.knowledgeUnavailable(ex));
			emitter.complete();
		}
		catch (RequestNotKept ex) {
			log.warn("Streaming a reply: {}; nothing of the turn was kept", ex.getMessage(),
					StackTraces.withoutMessages(ex.getCause()));
			events.send("error", ex.problem());
			emitter.complete();
		}
		catch (RuntimeException ex) {
			log.error("Streaming a reply failed: {}", ex.getClass().getName(), StackTraces.withoutMessages(ex));
			events.send("error", Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"Something went wrong on our side. Please try again, or call the practice."));
			emitter.complete();
		}
	}

	/**
	 * The web server's graceful shutdown waits for the streams under way; a turn that outlived it is given
	 * {@link #FINISH_AT_STOP} more before the knowledge index and the database close (then it ends with an
	 * {@code error} event, never on a closed index).
	 */
	@PreDestroy
	void shutdown() throws InterruptedException {
		turns.shutdown();
		if (!turns.awaitTermination(FINISH_AT_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
			log.warn("Stopping: a streamed reply did not finish within {}", FINISH_AT_STOP);
		}
	}

	/** Sends events until the browser goes away; the turn itself is stored either way. */
	private static final class Events implements ReplyListener {

		private final SseEmitter emitter;

		private boolean gone;

		Events(SseEmitter emitter) {
			this.emitter = emitter;
		}

		@Override
		public void started(String conversationId) {
			send("meta", Map.of("conversationId", conversationId));
		}

		@Override
		public void token(String text) {
			send("token", Map.of("text", text));
		}

		@Override
		public void restart() {
			send("restart", Map.of());
		}

		void send(String name, Object data) {
			if (gone) {
				return;
			}
			try {
				emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				gone = true;
			}
		}

	}

}
