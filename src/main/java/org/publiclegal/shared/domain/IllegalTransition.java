package org.publiclegal.shared.domain;

import org.publiclegal.shared.problem.ErrorCode;

import java.util.List;

/** A state-machine step that the current state does not allow; names the steps that are allowed. */
public class IllegalTransition extends DomainException {

    public IllegalTransition(String what, Enum<?> current, String attempted, List<String> allowed) {
        super(ErrorCode.ILLEGAL_TRANSITION,
                what + "当前状态为 " + current + "，不能执行「" + attempted + "」"
                        + (allowed.isEmpty() ? "" : "；可执行：" + String.join("、", allowed)),
                List.of(), allowed);
    }
}
