package com.frontdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes to a port as they are, for requests no HTTP client would send (bad URL encoding, huge headers,
 * broken chunks), and reads what comes back until the server closes the connection.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** The response's status line, headers and body as text. */
	public record Reply(String text) {

		public int status() {
			String[] statusLine = text.split("\r\n", 2)[0].split(" ");
			return statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
		}

		/** The body, with a chunked transfer encoding undone. */
		public String body() {
			int start = text.indexOf("\r\n\r\n");
			String body = start < 0 ? "" : text.substring(start + 4);
			return "chunked".equalsIgnoreCase(header("Transfer-Encoding")) ? dechunk(body) : body;
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				int end = Math.min(chunked.length(), lineEnd + 2 + size);
				body.append(chunked, lineEnd + 2, end);
				at = end + 2;
			}
			return body.toString();
		}

		public String header(String name) {
			for (String line : text.split("\r\n")) {
				if (line.isEmpty()) {
					break;
				}
				if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
					return line.substring(name.length() + 1).strip();
				}
			}
			return null;
		}

	}

	public static Reply send(int port, String request) {
		return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	public static Reply send(int port, byte[] request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and close before it read everything (a body too large): read what it said.
			}
			return new Reply(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read; (read = in.read(buffer)) >= 0;) {
				response.write(buffer, 0, read);
			}
		}
		catch (SocketTimeoutException | java.net.SocketException ex) {
			// What arrived before the timeout or reset is the answer.
		}
		return response.toString(StandardCharsets.UTF_8);
	}

}
