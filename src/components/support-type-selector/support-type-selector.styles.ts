import { css } from 'lit';

export const supportTypeSelectorStyles = css`
  :host {
    display: block;
  }
  :host([disabled]) {
    opacity: 0.6;
  }
`;
