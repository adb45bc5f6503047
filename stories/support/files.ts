/** Files for stories, made in the page: no fixtures to ship, any size on demand. */

/** A file of `size` bytes (content irrelevant: only name, size and type show). */
export const fakeFile = (name: string, size: number, type: string): File => new File([new Uint8Array(size)], name, { type });

export const MB = 1024 * 1024;

/** A real PNG (a small landscape), so a done row shows its thumbnail. */
export async function landscapePng(name = 'mountains.png'): Promise<File> {
  const canvas = new OffscreenCanvas(320, 200);
  const g = canvas.getContext('2d')!;
  const sky = g.createLinearGradient(0, 0, 0, 200);
  sky.addColorStop(0, '#6aa9ff');
  sky.addColorStop(1, '#ffd9a0');
  g.fillStyle = sky;
  g.fillRect(0, 0, 320, 200);
  g.fillStyle = '#2f6b3a';
  g.beginPath();
  g.moveTo(0, 200);
  g.lineTo(120, 90);
  g.lineTo(220, 160);
  g.lineTo(320, 110);
  g.lineTo(320, 200);
  g.fill();
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}
