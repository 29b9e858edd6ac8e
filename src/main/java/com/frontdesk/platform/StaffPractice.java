package com.frontdesk.platform;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;
import com.frontdesk.practice.UnknownPractice;

/**
 * The practice an admin request acts for: the signed-in staff member's own. The deployment's operator (the main admin
 * account) may act for any practice by naming it ({@code ?practice=northside}); a staff member who names another
 * practice is refused as if it did not exist. Every admin controller method with a {@link PracticeId} parameter gets
 * it from here, so no admin view can be asked for another practice's data.
 */
@Component
class StaffPractice implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static final String AUTHORITY_PREFIX = "PRACTICE_";

	static final String OPERATOR = "ROLE_OPERATOR";

	private final Practices practices;

	StaffPractice(Practices practices) {
		this.practices = practices;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PracticeId.class && !parameter.hasParameterAnnotations();
	}

	@Override
	public PracticeId resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		PracticeId acted = actedFor(SecurityContextHolder.getContext().getAuthentication(),
				request.getParameter("practice"));
		return practices.get(acted).id();
	}

	/**
	 * The practice a staff member acts for: their own, or for the operator the one the request names.
	 * @throws UnknownPractice when a staff member names another practice than their own
	 */
	static PracticeId actedFor(Authentication staff, String named) {
		PracticeId own = own(staff);
		if (named == null || named.isBlank()) {
			return own;
		}
		PracticeId asked = PracticeId.parse(named);
		if (!asked.equals(own) && !operator(staff)) {
			throw new UnknownPractice();
		}
		return asked;
	}

	/** The practice the signed-in account belongs to. */
	static PracticeId own(Authentication staff) {
		if (staff == null) {
			throw new UnknownPractice();
		}
		return staff.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(AUTHORITY_PREFIX))
			.findFirst()
			.map(authority -> new PracticeId(authority.substring(AUTHORITY_PREFIX.length())))
			.orElseThrow(UnknownPractice::new);
	}

	static boolean operator(Authentication staff) {
		return staff != null
				&& staff.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(OPERATOR));
	}

}
