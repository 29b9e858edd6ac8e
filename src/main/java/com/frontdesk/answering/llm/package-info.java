/** Answers written by a language model through LangChain4j, grounded in the retrieved passages and guarded. */
@NamedInterface("llm")
package com.frontdesk.answering.llm;

import org.springframework.modulith.NamedInterface;
