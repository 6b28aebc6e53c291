import { expect } from '@open-wc/testing';
import { initialPhase, transition, type FlowEvent, type Phase } from '../../src/core/flow.js';

const inline = { kiosk: false, passTheTablet: false };
const kiosk = { kiosk: true, passTheTablet: false };
const handing = { kiosk: true, passTheTablet: true };

describe('the survey flow (transition table)', () => {
  it('opens on the form inline and on the start screen in a kiosk', () => {
    expect(initialPhase(inline)).to.equal('answering');
    expect(initialPhase(kiosk)).to.equal('start');
  });

  it('walks a respondent from start to thank-you', () => {
    let phase: Phase = initialPhase(kiosk);
    for (const [event, expected] of [
      ['begin', 'answering'],
      ['submit', 'submitting'],
      ['stored', 'done'],
      ['thank-you-elapsed', 'start'],
    ] as Array<[FlowEvent, Phase]>) {
      phase = transition(phase, event, kiosk)!;
      expect(phase, event).to.equal(expected);
    }
    expect(transition('done', 'thank-you-elapsed', handing)).to.equal('handover');
    expect(transition('handover', 'begin', handing)).to.equal('answering');
    // Inline, the thank-you stays until the page resets it.
    expect(transition('done', 'thank-you-elapsed', inline)).to.equal('done');
  });

  it('goes back to the answers when storing fails or the page takes the response over', () => {
    expect(transition('submitting', 'failed', inline)).to.equal('answering');
    expect(transition('submitting', 'cancelled', inline)).to.equal('answering');
  });

  it('resets to where each mode starts, from any screen', () => {
    for (const phase of ['start', 'answering', 'submitting', 'done', 'handover'] as Phase[]) {
      expect(transition(phase, 'reset', kiosk), phase).to.equal('start');
      expect(transition(phase, 'reset', inline), phase).to.equal('answering');
    }
  });

  it('ignores events that mean nothing where the respondent is (double taps, late timers)', () => {
    expect(transition('submitting', 'submit', inline)).to.equal(null);
    expect(transition('answering', 'stored', inline)).to.equal(null);
    expect(transition('start', 'submit', kiosk)).to.equal(null);
    expect(transition('answering', 'thank-you-elapsed', kiosk)).to.equal(null);
    expect(transition('done', 'begin', kiosk)).to.equal(null);
  });
});
