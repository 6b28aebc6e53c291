/** Base of every event the elements fire: bubbling and composed, so it crosses shadow roots. */
export abstract class SurveyEvent<Detail> extends Event {
  readonly detail: Detail;
  constructor(type: string, detail: Detail, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}
