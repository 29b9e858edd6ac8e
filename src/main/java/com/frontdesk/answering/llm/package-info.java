/** Answers written by a language model through LangChain4j, grounded in the retrieved passages and guarded. */
package com.frontdesk.answering.llm;
