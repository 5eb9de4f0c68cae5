// Colours the interest chips: each carries its colour in data-interest-colour, set here
// through the CSSOM, which a content security policy without 'unsafe-inline' styles allows
// (a style="..." attribute in the markup it would block). Without JavaScript the chips keep
// a neutral border. Chips added later (the map's list, refreshed as filters change) are
// coloured as they arrive.

const SELECTOR = "[data-interest-colour]";
const COLOUR = /^#[0-9a-fA-F]{6}$/;

function paint(chip) {
  const colour = chip.dataset.interestColour;
  if (COLOUR.test(colour)) chip.style.setProperty("--interest-colour", colour);
}

function paintWithin(root) {
  if (root.matches?.(SELECTOR)) paint(root);
  for (const chip of root.querySelectorAll(SELECTOR)) paint(chip);
}

paintWithin(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE) paintWithin(node);
    }
  }
}).observe(document.body, { childList: true, subtree: true });
