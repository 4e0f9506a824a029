// The event filter form: type, country, date range, actor, modality. Its values live in the URL hash.
import { el } from "./dom.js";
import { EVENT_TYPES, MODALITIES, typeColour } from "./format.js";

/** The filter form; ``onChange(filters)`` gets the new filter values when the user changes one. */
export class FilterForm {
  constructor(onChange) {
    this.onChange = onChange;
    this.countries = el("datalist", { id: "country-options" });
    this.node = el("form", { className: "filters", "aria-label": "Event filters" });
    this.node.addEventListener("submit", (event) => {
      event.preventDefault();
      this.emit();
    });
    this.node.addEventListener("change", () => this.emit());
    this.build();
  }

  build() {
    const types = el("fieldset", { className: "types" }, el("legend", {}, "Event type"));
    for (const [key, label] of EVENT_TYPES) {
      types.appendChild(
        el("label", { className: "type-option" },
          el("input", { type: "checkbox", name: "type", value: key }),
          el("span", { className: "swatch", style: `background:${typeColour(key)}` }),
          label),
      );
    }
    this.node.append(
      types,
      field("Country", el("input", { name: "country", size: 4, maxlength: 2, placeholder: "NL", list: "country-options", autocomplete: "off" })),
      field("From", el("input", { name: "date_from", type: "date" })),
      field("To", el("input", { name: "date_to", type: "date" })),
      field("Actor", el("input", { name: "actor", placeholder: "e.g. Taliban", size: 14 })),
      field("Modality", modalitySelect()),
      el("div", { className: "filter-buttons" },
        el("button", { type: "submit" }, "Apply"),
        el("button", { type: "button", onclick: () => this.reset() }, "Reset")),
      this.countries,
    );
  }

  /** Put ``filters`` (from the hash) into the form. */
  set(filters) {
    const types = new Set((filters.type || "").split(",").filter(Boolean));
    for (const box of this.node.querySelectorAll('input[name="type"]')) box.checked = types.has(box.value);
    for (const name of ["country", "date_from", "date_to", "actor", "modality"]) {
      this.node.elements[name].value = filters[name] || "";
    }
  }

  /** The filter values now in the form. */
  values() {
    const checked = [...this.node.querySelectorAll('input[name="type"]:checked')].map((box) => box.value);
    const out = { type: checked.join(",") };
    for (const name of ["date_from", "date_to", "actor", "modality"]) out[name] = this.node.elements[name].value.trim();
    out.country = this.node.elements.country.value.trim().toUpperCase();
    return out;
  }

  /** Offer these country codes as suggestions. */
  setCountries(codes) {
    this.countries.replaceChildren(...[...codes].sort().map((code) => el("option", { value: code })));
  }

  emit() {
    this.onChange(this.values());
  }

  reset() {
    this.set({});
    this.emit();
  }
}

function field(label, input) {
  return el("label", { className: "field" }, el("span", {}, label), input);
}

function modalitySelect() {
  return el("select", { name: "modality" },
    el("option", { value: "" }, "any"),
    MODALITIES.map((m) => el("option", { value: m }, m)));
}
