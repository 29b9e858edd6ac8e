package com.frontdesk.conversation;

/**
 * A conversation is being erased at the patient's request. Published inside the erasing transaction, before the
 * conversation and its turns go: each module that keeps something of it (feedback, a messaging sender's messages and
 * link) deletes that from its own tables in the same transaction, so the erasure is all or nothing.
 *
 * @param conversationId the conversation being erased
 */
public record ConversationErased(String conversationId) {
}
