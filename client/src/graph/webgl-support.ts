// Whether Cytoscape's WebGL renderer would run on a GPU here. Without one, browsers fall back to software WebGL
// (SwiftShader, llvmpipe), which draws a 10k-element graph at about 1 frame per second where the canvas
// renderer keeps 60 (docs/performance.md), so big graphs stay on canvas then.

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/** The WebGL renderer's name as the browser reports it, or null without WebGL. */
export function webglRendererName(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return null;
  }
}

let hardware: boolean | null = null;

export function hasHardwareWebgl(): boolean {
  if (hardware === null) {
    const name = webglRendererName();
    hardware = name !== null && !isSoftwareRenderer(name);
  }
  return hardware;
}
