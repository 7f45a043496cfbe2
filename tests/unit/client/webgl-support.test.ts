// Which WebGL renderer names count as software: those keep big graphs on the canvas renderer.
import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from '../../../client/src/graph/webgl-support.ts';

describe('isSoftwareRenderer', () => {
  it('recognises the software renderers browsers fall back to without a GPU', () => {
    // Headless Chromium with --disable-gpu, as the tests and the bench run it here.
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.7, 256 bits)')).toBe(true);
    expect(
      isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)'),
    ).toBe(true);
  });

  it('lets real GPUs use WebGL', () => {
    expect(
      isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'),
    ).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
    expect(isSoftwareRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toBe(false);
  });
});
