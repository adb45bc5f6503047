/** The speed/ETA average and the totals arithmetic of the upload queue, without a server. */
import { expect } from '@open-wc/testing';
import { SpeedMeter } from '../../src/queue/index.js';
import { SPEED_MIN_WINDOW_MS } from '../../src/queue/speed.js';
import { computeTotals } from '../../src/queue/totals.js';
import type { UploadItem } from '../../src/queue/index.js';

/** Feeds a steady `rate` (bytes/s) every `stepMs` for `ms`, from `start`; returns [loaded, now]. */
function feed(meter: SpeedMeter, rate: number, stepMs: number, ms: number, start: [number, number]): [number, number] {
  let [loaded, now] = start;
  for (let t = 0; t < ms; t += stepMs) {
    now += stepMs;
    loaded += (rate * stepMs) / 1000;
    meter.sample(loaded, now);
  }
  return [loaded, now];
}

describe('SpeedMeter', () => {
  it('knows no speed and no ETA before a full window', () => {
    const meter = new SpeedMeter(0, 1000);
    meter.sample(500_000, 1000 + SPEED_MIN_WINDOW_MS - 1);
    expect(meter.bytesPerSecond).to.equal(0);
    expect(meter.secondsLeft(1000)).to.equal(undefined);
    expect(meter.secondsLeft(0)).to.equal(0);
  });

  it('pools samples closer than a window instead of dividing by a tiny interval', () => {
    const meter = new SpeedMeter(0, 0);
    meter.sample(1000, 1); // 1 MB/s over 1 ms: not a measurement on its own
    meter.sample(20_000, SPEED_MIN_WINDOW_MS); // 20 kB in 200 ms in all
    expect(meter.bytesPerSecond).to.equal(100_000);
  });

  it('converges on a steady rate', () => {
    const meter = new SpeedMeter(0, 0);
    feed(meter, 100_000, 250, 5000, [0, 0]);
    expect(meter.bytesPerSecond).to.be.closeTo(100_000, 1);
    expect(meter.secondsLeft(1_000_000)).to.be.closeTo(10, 0.01);
  });

  it('keeps the ETA steady through a single burst or hiccup', () => {
    const meter = new SpeedMeter(0, 0);
    let state = feed(meter, 100_000, 250, 5000, [0, 0]);
    const eta = meter.secondsLeft(1_000_000)!;
    // One window that claims 10x the speed (a socket buffer filling at once)...
    state = [state[0] + 250_000, state[1] + 250];
    meter.sample(...state);
    expect(meter.secondsLeft(1_000_000), 'one burst is ignored').to.be.closeTo(eta, 0.01);
    // ...and so is one hiccup without bytes.
    state = [state[0], state[1] + 250];
    meter.sample(...state);
    feed(meter, 100_000, 250, 1000, state);
    expect(meter.secondsLeft(1_000_000)).to.be.closeTo(eta, 0.01);
  });

  it('follows a real change of speed within seconds, down and up', () => {
    const meter = new SpeedMeter(0, 0);
    let state = feed(meter, 100_000, 250, 5000, [0, 0]);
    state = feed(meter, 20_000, 250, 10_000, state);
    expect(meter.bytesPerSecond).to.be.within(20_000, 25_000);
    feed(meter, 200_000, 250, 10_000, state);
    expect(meter.bytesPerSecond).to.be.within(180_000, 200_000);
  });

  it('drops to 0 B/s when the bytes stop moving', () => {
    const meter = new SpeedMeter(0, 0);
    const state = feed(meter, 100_000, 250, 5000, [0, 0]);
    feed(meter, 0, 250, 20_000, state);
    expect(meter.bytesPerSecond).to.be.below(1000);
  });
});

const item = (patch: Partial<UploadItem>): UploadItem => ({
  id: 'x',
  file: new File([], 'x'),
  relativePath: 'x',
  status: 'queued',
  phase: undefined,
  loaded: 0,
  total: 100,
  fileId: undefined,
  info: undefined,
  error: undefined,
  retrying: 0,
  bytesPerSecond: 0,
  secondsLeft: undefined,
  ...patch,
});

describe('computeTotals', () => {
  const all = () => true;

  it('is 0 for an empty queue, and 1 when every kept item is done (even of 0 bytes)', () => {
    expect(computeTotals([], all)).to.deep.equal({
      loaded: 0,
      total: 0,
      fraction: 0,
      bytesPerSecond: 0,
      secondsLeft: undefined,
      active: 0,
      done: 0,
      failed: 0,
      kept: 0,
      queued: 0,
    });
    expect(computeTotals([item({ status: 'done', total: 0 }), item({ status: 'canceled' })], all).fraction).to.equal(1);
  });

  it('stays below 1 while the last bytes wait for the server', () => {
    const totals = computeTotals([item({ status: 'done' }), item({ status: 'uploading', phase: 'processing', loaded: 100 })], all);
    expect(totals.fraction).to.be.below(1).and.above(0.99);
    expect(totals.secondsLeft).to.equal(undefined);
  });

  it('weighs bytes, leaves canceled and failed items out, and counts only started items in the ETA', () => {
    const totals = computeTotals(
      [
        item({ id: 'a', status: 'uploading', loaded: 300, total: 1000, bytesPerSecond: 100 }),
        item({ id: 'b', status: 'queued', total: 500 }),
        item({ id: 'c', status: 'queued', total: 4000 }),
        item({ id: 'd', status: 'error', loaded: 50, total: 10_000 }),
        item({ id: 'e', status: 'canceled', loaded: 70, total: 10_000 }),
        item({ id: 'f', status: 'done', loaded: 200, total: 200 }),
      ],
      (i) => i.id !== 'c',
    );
    expect(totals).to.deep.equal({
      loaded: 500,
      total: 5700,
      fraction: 500 / 5700,
      bytesPerSecond: 100,
      secondsLeft: 12,
      active: 1,
      done: 1,
      failed: 1,
      kept: 4,
      queued: 2,
    });
  });
});
