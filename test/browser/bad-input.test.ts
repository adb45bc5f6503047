/**
 * Bad input from the person choosing files: empty, too large, the wrong type by extension
 * or by MIME, 10,000 at once, nested folders, and hostile file names. Each is refused with
 * a clear reason or stored intact, and the good files of the same batch are never lost.
 * (Server answers, token providers, workspaces and outages: bad-input-server.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { filesFromDataTransfer } from '../../src/uploader/intake/drop.js';
import { clientFor } from './emulator-control.js';
import { alertText, countOf, drop, fileOf, mount, posts, rowNamed, rows, settled, until, when } from './uploader-helpers.js';

describe('bad input: files', () => {
  it('refuses empty, too large and wrong-type files (by extension and by MIME), uploads the rest', async () => {
    const { el, ws } = await mount({ multiple: true, accept: 'image/png,.txt', 'max-file-size': 1000 });
    const refused: string[] = [];
    el.addEventListener('deeplake-reject', (e) => refused.push(`${e.detail.file.name}: ${e.detail.reason}`));
    const complete = when(el, 'deeplake-complete');
    el.addFiles([
      new File([], 'empty.txt', { type: 'text/plain' }),
      fileOf(1001, 'big.txt', 'text/plain'),
      fileOf(10, 'report.pdf', 'text/plain'), // MIME fits no token, extension is not .txt
      fileOf(10, 'fake.png', 'text/html'), // named .png, but its MIME is not image/png
      fileOf(1000, 'ok.txt', 'text/plain'),
      fileOf(10, 'photo.bin', 'image/png'),
    ]);
    const { items } = await complete;
    expect(refused).to.deep.equal(['empty.txt: empty', 'big.txt: too-large', 'report.pdf: type', 'fake.png: type']);
    expect(items.map((i) => `${i.relativePath} ${i.status}`)).to.deep.equal(['ok.txt done', 'photo.bin done']);
    expect(alertText(el)).to.equal('4 files were not added');
    expect((await posts(ws)).length).to.equal(2);
  });

  it('takes 10,000 dropped files without freezing: max-files enforced, one summary', async () => {
    const { el, ws } = await mount({ multiple: true, 'max-files': 20, manual: true });
    let rejects = 0;
    el.addEventListener('deeplake-reject', () => rejects++);
    const files = Array.from({ length: 10_000 }, (_, i) => fileOf(4, `many-${i}.bin`));
    const added = when(el, 'deeplake-add');
    drop(el, files); // returns: the walk and the validation finish after the event
    await added;
    // Past the first 200, the refusals' events come in slices after addFiles() returns.
    await until(() => rejects >= 9_980, 'the last refusal is told', 60_000);
    await settled(el);
    expect(el.items.length).to.equal(20);
    expect(rejects).to.equal(9_980);
    expect(alertText(el)).to.equal('9980 files were not added');
    expect(rows(el).length, 'refusal rows are capped').to.be.lessThan(100);
    el.upload();
    const { items } = await when(el, 'deeplake-complete');
    expect(countOf(items, 'done')).to.equal(20);
    expect((await clientFor(ws).list({ limit: 100 })).length).to.equal(20);
  });

  it('walks nested folders (fake FileSystemEntry objects) with their relative paths', async () => {
    const fileEntry = (file: File): FileSystemFileEntry =>
      ({ name: file.name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(file) }) as unknown as FileSystemFileEntry;
    const dirEntry = (name: string, children: FileSystemEntry[]): FileSystemDirectoryEntry => {
      // readEntries answers in batches, then an empty one: split the children in two.
      const batches = [children.slice(0, 1), children.slice(1), []];
      const createReader = () => {
        let n = 0;
        return { readEntries: (ok: (e: FileSystemEntry[]) => void) => ok(batches[Math.min(n++, 2)]!) };
      };
      return { name, isFile: false, isDirectory: true, createReader } as unknown as FileSystemDirectoryEntry;
    };
    const tree = dirEntry('top', [
      fileEntry(fileOf(3, 'a.txt')),
      dirEntry('sub', [fileEntry(fileOf(4, 'b.txt')), dirEntry('deeper', [fileEntry(fileOf(5, 'c.txt'))]), dirEntry('empty', [])]),
    ]);
    const loose = fileOf(6, 'loose.txt');
    const data = {
      items: [
        { kind: 'file', webkitGetAsEntry: () => tree, getAsFile: () => null },
        { kind: 'file', webkitGetAsEntry: () => fileEntry(loose), getAsFile: () => loose },
        { kind: 'string', webkitGetAsEntry: () => null, getAsFile: () => null },
      ],
      files: [],
    } as unknown as DataTransfer;
    const found = await filesFromDataTransfer(data);
    expect(found.map((f) => `${f.relativePath} ${f.file.size}`)).to.deep.equal(['loose.txt 6', 'top/a.txt 3', 'top/sub/b.txt 4', 'top/sub/deeper/c.txt 5']);

    const { el } = await mount({ multiple: true });
    const complete = when(el, 'deeplake-complete');
    el.addFiles(found);
    const { items } = await complete;
    expect(items.map((i) => `${i.relativePath} ${i.status}`)).to.deep.equal(found.map((f) => `${f.relativePath} done`));
  });

  // What survives the trip through multipart and the server's info: every character of a
  // name, except that a name with "/" keeps only its last segment (busboy, like most
  // multipart servers, drops any path), so "../" can never name another place.
  const NAMES: Array<[sent: string, stored: string]> = [
    [`it's "quoted".txt`, `it's "quoted".txt`],
    ['line\nbreak.txt', 'line\nbreak.txt'],
    ['invoice\u202Etxt.exe', 'invoice\u202Etxt.exe'],
    ['emoji 📁😀 ✓.txt', 'emoji 📁😀 ✓.txt'],
    [`${'x'.repeat(296)}.txt`, `${'x'.repeat(296)}.txt`],
    ['../../etc/passwd', 'passwd'],
    ['<img src=x onerror=alert(1)><b>bold.txt', '<img src=x onerror=alert(1)><b>bold.txt'],
  ];

  it('stores hostile file names intact (or as their last path segment) and shows them as text', async () => {
    const { el, client } = await mount({ multiple: true, concurrency: 1 });
    const complete = when(el, 'deeplake-complete');
    el.addFiles(NAMES.map(([name], i) => fileOf(10 + i, name, 'text/plain')));
    const { items } = await complete;
    expect(items.map((i) => i.status)).to.deep.equal(NAMES.map(() => 'done'));
    const infos = await Promise.all(items.map((i) => client.info(i.info!.id)));
    expect(infos.map((i) => i.name)).to.deep.equal(NAMES.map(([, stored]) => stored));
    expect(infos.map((i) => i.size)).to.deep.equal(NAMES.map((_, i) => 10 + i));
    // The rows show what was chosen, as text: no markup from a name becomes an element.
    for (const [name] of NAMES) expect(rowNamed(el, name).querySelectorAll('img, b').length).to.equal(0);
  });
});
