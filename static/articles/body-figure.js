/* A figure inside the article's body, for the body's editor (django-prose-editor loads this
   module for the editors whose extensions name "BodyFigure": the article admin's body,
   articles/admin_body_figures.py).

   In the body a figure is an empty block at the top level of the text:
     <figure data-artwork="123" data-artwork-image="45" data-size="wide" data-alt="..."
             data-credit="..." data-caption="..." data-decorative="true"></figure>
   with exactly one of data-artwork and data-image, keys as positive numbers, the attributes
   in this order and the text ones left out when empty. The server's sanitizer decides what
   is kept; this writes it and shows it: the thumbnail, the caption (composed from the
   artwork's record unless overridden), alt text, credit and size, with buttons to edit, move
   and remove it. Selecting it and pressing Delete, dragging it and undo are the editor's own. */
import { Node, pm } from "django-prose-editor/editor";
import { openFigureDialog } from "newsroom/body-figure-dialog";

// Each change made here is a step of its own for undo, not merged with the typing before it.
const { closeHistory } = pm.history;
const KEY = /^[1-9][0-9]*$/;
export const SIZES = { inline: "Text column", wide: "Wide", full: "Full width" };

const key = (value) => (KEY.test(value || "") ? value : null);
const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
const text = (name) => ({
  default: "",
  parseHTML: (element) => element.getAttribute(`data-${name}`) || "",
  renderHTML: (attrs) => (attrs[camel(name)] ? { [`data-${name}`]: attrs[camel(name)] } : {}),
});

// What the figures of the text show, by artwork and image or upload: asked once per page.
const cards = new Map();
function cardOf(attrs, url) {
  const query = attrs.artwork
    ? `artwork=${attrs.artwork}${attrs.artworkImage ? `&artwork_image=${attrs.artworkImage}` : ""}`
    : `image=${attrs.image}`;
  if (!cards.has(query)) {
    const asked = fetch(`${url}?${query}`, { headers: { Accept: "application/json" } }).then(
      async (response) => {
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(answer.error || "This figure's picture cannot be shown.");
        return answer;
      },
    );
    asked.catch(() => cards.delete(query)); // asked again next time
    cards.set(query, asked);
  }
  return cards.get(query);
}

function element(tag, className, textContent = "") {
  const made = document.createElement(tag);
  made.className = className;
  made.textContent = textContent;
  return made;
}

const ACTIONS = [
  ["edit", "Edit"],
  ["up", "Move up"],
  ["down", "Move down"],
  ["remove", "Remove"],
];

class FigureView {
  constructor({ node, editor, getPos }, options) {
    Object.assign(this, { node, editor, getPos, options });
    this.dom = element("figure", "body-figure");
    this.dom.draggable = true;
    this.picture = element("div", "body-figure__picture");
    this.caption = element("div", "body-figure__caption");
    this.facts = element("dl", "body-figure__facts");
    this.actions = element("div", "body-figure__actions");
    this.actions.setAttribute("role", "group");
    for (const [action, label] of ACTIONS) {
      const button = element("button", "body-figure__button", label);
      button.type = "button";
      button.dataset.action = action;
      this.actions.append(button);
    }
    this.actions.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (button) this.act(button.dataset.action, button);
    });
    const text = element("div", "body-figure__text");
    text.append(this.caption, this.facts, this.actions);
    this.dom.append(this.picture, text);
    // Moves elsewhere in the text change which way this one can move.
    this.onUpdate = () => this.updateMoves();
    editor.on("update", this.onUpdate);
    this.render();
  }

  destroy() {
    this.editor.off("update", this.onUpdate);
  }

  async render() {
    const { attrs } = this.node;
    this.dom.className = `body-figure body-figure--${attrs.size}`;
    this.updateMoves();
    const shown = `${attrs.artwork}|${attrs.artworkImage}|${attrs.image}`;
    let card = { caption: [], alt: "", credit: "", thumbnail: null };
    try {
      card = await cardOf(attrs, this.options.cardUrl);
    } catch (error) {
      card.problem = error.message;
    }
    if (shown !== `${this.node.attrs.artwork}|${this.node.attrs.artworkImage}|${this.node.attrs.image}`) return;
    this.show(this.node.attrs, card);
  }

  show(attrs, card) {
    this.picture.replaceChildren();
    if (card.thumbnail) {
      const image = document.createElement("img");
      image.src = card.thumbnail;
      image.alt = ""; // the alt text is written out beside it
      this.picture.append(image);
    }
    const lines = attrs.caption ? attrs.caption.split("\n") : card.caption;
    this.caption.replaceChildren(
      ...(card.problem ? [element("p", "body-figure__problem", card.problem)] : []),
      ...lines.filter(Boolean).map((line) => element("p", "body-figure__line", line)),
    );
    const ownAlt = attrs.alt || (card.alt ? `${card.alt} (the image's own)` : "none");
    const facts = [
      ["Alt text", attrs.decorative ? "decorative, none" : ownAlt],
      ["Credit", attrs.credit || card.credit || "none"],
      ["Size", SIZES[attrs.size] || SIZES.inline],
    ];
    this.facts.replaceChildren(
      ...facts.flatMap(([term, value]) => [element("dt", "", term), element("dd", "", value)]),
    );
    const name = lines.find(Boolean) || "figure";
    this.actions.setAttribute("aria-label", `Figure: ${name}`);
  }

  updateMoves() {
    const index = this.index();
    const doc = this.editor.state.doc;
    this.actions.querySelector('[data-action="up"]').disabled = index <= 0;
    this.actions.querySelector('[data-action="down"]').disabled = index < 0 || index >= doc.childCount - 1;
  }

  index() {
    const pos = this.getPos();
    return typeof pos === "number" ? this.editor.state.doc.resolve(pos).index(0) : -1;
  }

  act(action, button) {
    const pos = this.getPos();
    if (typeof pos !== "number" || !this.editor.isEditable) return;
    const { doc } = this.editor.state;
    const size = this.node.nodeSize;
    if (action === "edit") {
      openFigureDialog({
        attrs: this.node.attrs,
        options: this.options,
        opener: button,
        onSubmit: (attrs) => {
          const now = this.getPos();
          if (typeof now !== "number") return;
          this.editor.chain().command(({ tr }) => !!closeHistory(tr).setNodeMarkup(now, undefined, attrs)).run();
        },
      });
    } else if (action === "remove") {
      this.editor.chain().focus().command(({ tr }) => !!closeHistory(tr).delete(pos, pos + size)).run();
    } else {
      const index = doc.resolve(pos).index(0);
      const other = doc.maybeChild(action === "up" ? index - 1 : index + 1);
      if (!other) return;
      const target = action === "up" ? pos - other.nodeSize : pos + other.nodeSize;
      const node = this.node;
      this.editor
        .chain()
        .command(({ tr }) => !!closeHistory(tr).delete(pos, pos + size).insert(target, node))
        .setNodeSelection(target)
        .scrollIntoView()
        .run();
      // The moved figure is drawn anew: the keyboard stays on the same button.
      const moved = this.editor.view.nodeDOM(target);
      const again = moved && moved.querySelector(`[data-action="${action}"]`);
      (again && !again.disabled ? again : moved?.querySelector('[data-action="edit"]'))?.focus();
    }
  }

  update(node) {
    if (node.type !== this.node.type) return false;
    const before = this.node;
    this.node = node;
    if (before.attrs !== node.attrs) this.render();
    else this.updateMoves();
    return true;
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
  }

  // The buttons are the figure's own; the editor keeps clicks and keys on the rest (selecting
  // it, Delete, dragging).
  stopEvent(event) {
    return event.target instanceof Element && !!event.target.closest(".body-figure__actions");
  }

  ignoreMutation() {
    return true;
  }
}

// Where a new figure goes: a figure is a block of the body's top level, so it goes after a
// chosen figure, before or after the block the cursor is in, splits a paragraph of the top
// level at the cursor, or takes the place of an empty one.
function insertionPoint(tr) {
  const { $from, node, to } = tr.selection;
  if ($from.depth === 0) return node ? { from: to, to } : { from: $from.pos, to: $from.pos };
  const block = $from.node(1);
  const [before, after] = [$from.before(1), $from.after(1)];
  if ($from.depth === 1 && block.isTextblock) {
    if (block.content.size === 0) return { from: before, to: after };
    if ($from.parentOffset === 0) return { from: before, to: before };
    if ($from.parentOffset === block.content.size) return { from: after, to: after };
    tr.split($from.pos);
    return { from: $from.pos + 1, to: $from.pos + 1 };
  }
  return { from: after, to: after };
}

export const BodyFigure = Node.create({
  name: "bodyFigure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { searchUrl: "", cardUrl: "", uploadUrl: "" };
  },

  // In this order in the stored HTML (the shared format).
  addAttributes() {
    return {
      artwork: {
        default: null,
        parseHTML: (element) => key(element.getAttribute("data-artwork")),
        renderHTML: (attrs) => (attrs.artwork ? { "data-artwork": attrs.artwork } : {}),
      },
      artworkImage: {
        default: null,
        parseHTML: (element) =>
          key(element.getAttribute("data-artwork")) ? key(element.getAttribute("data-artwork-image")) : null,
        renderHTML: (attrs) =>
          attrs.artwork && attrs.artworkImage ? { "data-artwork-image": attrs.artworkImage } : {},
      },
      image: {
        default: null,
        parseHTML: (element) =>
          key(element.getAttribute("data-artwork")) ? null : key(element.getAttribute("data-image")),
        renderHTML: (attrs) => (attrs.image && !attrs.artwork ? { "data-image": attrs.image } : {}),
      },
      size: {
        default: "inline",
        parseHTML: (element) => (element.getAttribute("data-size") in SIZES ? element.getAttribute("data-size") : "inline"),
        renderHTML: (attrs) => ({ "data-size": attrs.size in SIZES ? attrs.size : "inline" }),
      },
      alt: text("alt"),
      credit: text("credit"),
      caption: text("caption"),
      decorative: {
        default: false,
        parseHTML: (element) => element.getAttribute("data-decorative") === "true",
        renderHTML: (attrs) => (attrs.decorative ? { "data-decorative": "true" } : {}),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure",
        priority: 60, // before any other extension's figure
        getAttrs: (element) =>
          key(element.getAttribute("data-artwork")) || key(element.getAttribute("data-image")) ? null : false,
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes];
  },

  addCommands() {
    return {
      insertBodyFigure:
        (attrs) =>
        ({ tr, dispatch, commands }) => {
          if (!dispatch) return true;
          const { from, to } = insertionPoint(closeHistory(tr));
          tr.replaceWith(from, to, this.type.create(attrs));
          return commands.setNodeSelection(from);
        },
    };
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "bodyFigure",
      groups: "nodes",
      button: buttons.material("add_photo_alternate", "Insert figure"),
      command: (editor) =>
        openFigureDialog({
          attrs: null,
          options: this.options,
          opener: editor.view.dom,
          onSubmit: (attrs) => editor.chain().focus().insertBodyFigure(attrs).scrollIntoView().run(),
        }),
    });
  },

  addNodeView() {
    return (props) => new FigureView(props, this.options);
  },
});
