/**
 * The approval chain of a plan, as data: the Tờ trình and its versions, the consultation, every
 * step with its reason, the rules of who may act (segregation of duties), the numbering registers,
 * attachments and the notices sent on issuance. It knows nothing of the engine: the
 * {@code workflow} module calls {@link vn.ttdn.approval.Approvals} as the process moves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval")
package vn.ttdn.approval;
