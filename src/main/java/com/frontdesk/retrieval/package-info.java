/** The one Lucene index over the knowledge passages: analysis, synonyms, typo correction and search. */
package com.frontdesk.retrieval;
