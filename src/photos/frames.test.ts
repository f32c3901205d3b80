import { describe, expect, it } from 'vitest';
import { cropBox, frameHeight, PAGE_FRAME, parseFocus, renditionWidths, SOCIAL_FRAMES } from './frames.ts';

describe('parseFocus', () => {
  it.each([
    ['center', { x: 0.5, y: 0.5 }],
    ['centre', { x: 0.5, y: 0.5 }],
    ['top', { x: 0.5, y: 0 }],
    ['bottom', { x: 0.5, y: 1 }],
    ['left', { x: 0, y: 0.5 }],
    ['right', { x: 1, y: 0.5 }],
    ['0.3,0.4', { x: 0.3, y: 0.4 }],
    ['0.3 , 1', { x: 0.3, y: 1 }],
    ['2,0.5', { x: 0.5, y: 0.5 }],
  ])('%s', (focus, expected) => {
    expect(parseFocus(focus)).toEqual(expected);
  });
});

describe('cropBox', () => {
  const wide = [16, 9] as const;
  it.each([
    // panorama 3:1: full height, width 16:9 of it, placed by x
    ['panorama, centre', 2400, 800, { x: 0.5, y: 0.5 }, { left: 489, top: 0, width: 1422, height: 800 }],
    ['panorama, left', 2400, 800, { x: 0, y: 0.5 }, { left: 0, top: 0, width: 1422, height: 800 }],
    ['panorama, right', 2400, 800, { x: 1, y: 0.5 }, { left: 978, top: 0, width: 1422, height: 800 }],
    ['panorama, focus near the edge clamps', 2400, 800, { x: 0.9, y: 0.5 }, { left: 978, top: 0, width: 1422, height: 800 }],
    // portrait 2:3: full width, height 9/16 of it, placed by y
    ['portrait, top', 1000, 1500, { x: 0.5, y: 0 }, { left: 0, top: 0, width: 1000, height: 563 }],
    ['portrait, 0.5,0.3', 1000, 1500, { x: 0.5, y: 0.3 }, { left: 0, top: 169, width: 1000, height: 563 }],
    ['portrait, bottom', 1000, 1500, { x: 0.5, y: 1 }, { left: 0, top: 937, width: 1000, height: 563 }],
    ['already 16:9', 1920, 1080, { x: 0, y: 0 }, { left: 0, top: 0, width: 1920, height: 1080 }],
  ])('%s', (_name, w, h, focus, expected) => {
    const box = cropBox(w, h, wide, focus);
    expect(box).toEqual(expected);
    expect(box.left + box.width).toBeLessThanOrEqual(w);
    expect(box.top + box.height).toBeLessThanOrEqual(h);
  });

  it.each([
    [SOCIAL_FRAMES.w4x3.ratio, 1200, 900],
    [SOCIAL_FRAMES.w1x1.ratio, 900, 900],
  ] as const)('social crop %j of a 1600×900 photo', (ratio, width, height) => {
    expect(cropBox(1600, 900, ratio, { x: 0.5, y: 0.5 })).toMatchObject({ width, height });
  });
});

describe('renditionWidths', () => {
  it.each([
    ['large photo: every width, nothing larger', 3000, [320, 640, 960, 1280, 1600]],
    ['1422 wide: up to 1280, no enlarging', 1422, [320, 640, 960, 1280]],
    ['800 wide: the crop itself is well above 640', 800, [320, 640, 800]],
    ['700 wide: too close to 640 to be worth a file', 700, [320, 640]],
    ['tiny: only its own width', 177, [177]],
  ])('%s', (_name, cropWidth, expected) => {
    expect(renditionWidths(PAGE_FRAME, cropWidth)).toEqual(expected);
  });

  it('social frames are always exactly 1200 wide, even from a small photo', () => {
    expect(renditionWidths(SOCIAL_FRAMES.w16x9, 300)).toEqual([1200]);
    expect(frameHeight(SOCIAL_FRAMES.w16x9, 1200)).toBe(675);
    expect(frameHeight(SOCIAL_FRAMES.w4x3, 1200)).toBe(900);
    expect(frameHeight(SOCIAL_FRAMES.w1x1, 1200)).toBe(1200);
  });
});
