/** Answerers that compose a grounded, cited reply from retrieved passages; the embedded one needs no model. */
package com.frontdesk.answering;
