// The layout walk's checks, run in the page (tests/browser/test_layout.py). Returns a list of problems, each a
// sentence naming the element, so a failure says what to look at. `arguments[0]` is {public: bool} (public pages
// are held to the larger type and targets older residents need).
const options = arguments[0] || {};
const problems = [];
const root = document.scrollingElement || document.documentElement;
const viewport = root.clientWidth;

function describe(element) {
  let text = element.tagName.toLowerCase();
  if (element.id) text += "#" + element.id;
  if (element.classList.length) text += "." + [...element.classList].join(".");
  const words = (element.innerText || element.value || element.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ");
  return words ? `${text} “${words.slice(0, 30)}”` : text;
}

function visible(element) {
  const style = getComputedStyle(element);
  if (style.visibility === "hidden" || style.display === "none") return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

// Inside something that scrolls sideways on purpose (a wide table in its own scroller)?
function inScroller(element) {
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowX;
    if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
  }
  return false;
}

// 1. Nothing wider than the screen: no sideways scrolling of the page.
if (root.scrollWidth > viewport + 1) {
  const culprits = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > viewport + 1 && !inScroller(element)) culprits.push(describe(element));
    if (culprits.length >= 3) break;
  }
  problems.push(`the page is ${root.scrollWidth}px wide on a ${viewport}px screen: ${culprits.join("; ")}`);
}

// 2. Tables: each cell under its header; a table shown as cards gives every value its label.
for (const table of document.querySelectorAll("table")) {
  if (!visible(table)) continue;
  const header = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
  if (!header) continue;
  const name = describe(table.caption || table);
  const firstRow = table.tBodies[0] && table.tBodies[0].rows[0];
  if (!firstRow || getComputedStyle(firstRow).display === "table-row") {
    const columns = [];
    for (const cell of header.cells) {
      const box = cell.getBoundingClientRect();
      for (let i = 0; i < cell.colSpan; i++) columns.push(box);
    }
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        if (!visible(row)) continue;
        let column = 0;
        for (const cell of row.cells) {
          const first = columns[column], last = columns[column + cell.colSpan - 1];
          column += cell.colSpan;
          if (!first || !last) {
            problems.push(`${name}: row “${row.innerText.trim().slice(0, 20)}” has more cells than the header`);
            break;
          }
          const box = cell.getBoundingClientRect();
          if (Math.abs(box.left - first.left) > 2 || Math.abs(box.right - last.right) > 2) {
            problems.push(`${name}: ${describe(cell)} is not under its header ${describe(header.cells[Math.min(column - 1, header.cells.length - 1)])}`);
            break;
          }
        }
      }
    }
  } else {
    // Cards: each value says what it is (data-label drawn before it), or is the row's own heading.
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        for (const cell of row.cells) {
          if (!visible(cell) || cell.tagName === "TH" || !cell.innerText.trim()) continue;
          const label = getComputedStyle(cell, "::before").content;
          if (!cell.dataset.label || label === "none" || label === '""') {
            problems.push(`${name}: ${describe(cell)} is shown as a card without its label`);
          }
        }
      }
    }
  }
}

// A short label (a row's heading, a term) on one line: 开会时间 broken over two lines is hard to read.
for (const label of document.querySelectorAll("th[scope=row], dt")) {
  const words = label.innerText.trim();
  if (!visible(label) || words.length === 0 || words.length > 6 || words.includes("\n")) continue;
  // The lines its words take (not its box, which a grid or a table row stretches to its neighbour's height).
  const lines = new Set();
  const texts = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(text);
    for (const rect of range.getClientRects()) if (rect.width > 0) lines.add(Math.round(rect.bottom));
  }
  if (lines.size > 1) problems.push(`the label ${describe(label)} is broken over ${lines.size} lines`);
}

// 3. No character drawn as a missing glyph (an empty box): each character the page shows is drawn on a canvas in
// the page's fonts and compared with a character no font has.
{
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 40;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const drawn = (character, family) => {
    context.clearRect(0, 0, 40, 40);
    context.font = `32px ${family}`;
    context.fillText(character, 2, 32);
    return context.getImageData(0, 0, 40, 40).data.join(",");
  };
  const families = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.data.trim() || !visible(element)) continue;
    const family = getComputedStyle(element).fontFamily;
    if (!families.has(family)) families.set(family, new Map());
    for (const character of node.data) {
      if (/\s/.test(character)) continue;
      families.get(family).set(character, element);
    }
  }
  // Pseudo-elements draw text too (labels of cards, separators of breadcrumbs).
  for (const element of document.body.querySelectorAll("*")) {
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(element, pseudo).content;
      if (!content || content === "none" || content === "normal" || !content.startsWith('"')) continue;
      const family = getComputedStyle(element, pseudo).fontFamily;
      if (!families.has(family)) families.set(family, new Map());
      for (const character of content.slice(1, -1)) if (!/\s/.test(character)) families.get(family).set(character, element);
    }
  }
  for (const [family, characters] of families) {
    const missing = new Set([drawn("\uE000", family), drawn("\u{10FFFD}", family)]);
    for (const [character, element] of characters) {
      if (missing.has(drawn(character, family))) {
        problems.push(`“${character}” (U+${character.codePointAt(0).toString(16).toUpperCase()}) has no glyph in ${describe(element)}`);
      }
    }
  }
}

// 4. Images that did not load.
for (const image of document.images) {
  if (image.complete && image.naturalWidth === 0 && image.getAttribute("src")) problems.push(`the image ${image.getAttribute("src")} did not load`);
}

if (options.public) {
  // 5. Text large enough for older eyes: 18px at least, wherever it is.
  const small = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.data.trim() || !visible(element)) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 17.9 && !small.has(element)) small.set(element, size);
  }
  for (const [element, size] of [...small].slice(0, 5)) problems.push(`${describe(element)} is ${size}px, under 18px`);

  // 6. Targets a finger can hit: 44 × 44 px, except a link inside a sentence.
  const targets = document.body.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary");
  let reported = 0;
  for (const target of targets) {
    if (!visible(target) || reported >= 5) continue;
    // Off the screen on purpose (the robots' trap field), or a picture still loading lazily below the fold.
    if (target.closest(".trap, [aria-hidden=true]") || [...target.querySelectorAll("img")].some(image => !image.complete)) continue;
    // A radio button or a box to tick is hit through its label too.
    if (target.labels && [...target.labels].some(label => label.getBoundingClientRect().height >= 43.5)) continue;
    const style = getComputedStyle(target);
    if (style.display === "inline" && target.tagName === "A") {
      const block = target.parentElement;
      const around = (block.innerText || "").replace(target.innerText, "").trim();
      if (around.length > 0) continue; // in running text, the line is the target
    }
    const box = target.getBoundingClientRect();
    if (box.width < 43.5 || box.height < 43.5) {
      problems.push(`${describe(target)} is ${Math.round(box.width)} × ${Math.round(box.height)}px, under 44 × 44`);
      reported++;
    }
  }
}

return problems;
