import { describe, expect, it } from 'vitest';
import { MERMAID_CONFIG } from '../../../src/scripts/mermaid-config.ts';

describe('how diagrams are drawn', () => {
  it('uses Mermaid’s strict security level, without HTML labels', () => {
    expect(MERMAID_CONFIG.securityLevel).toBe('strict');
    expect(MERMAID_CONFIG.htmlLabels).toBe(false);
    expect(MERMAID_CONFIG.flowchart.htmlLabels).toBe(false);
  });

  it('does not let a diagram’s own configuration change the security level, HTML labels or the theme’s CSS', () => {
    for (const key of ['securityLevel', 'htmlLabels', 'themeCSS', 'themeVariables', 'fontFamily', 'secure']) expect(MERMAID_CONFIG.secure).toContain(key);
  });
});
