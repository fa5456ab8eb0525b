// Display titles for sessions the source left untitled: honest placeholders, never invented titles.
import { describe, expect, it } from "vitest";
import { displayTitleOf, joinNames, titleFromAbstract } from "../../shared/titles.js";
import { fold } from "../../shared/timeline.js";
import { makeEvent } from "./support/builders.js";

const untitled = (over: Partial<Parameters<typeof displayTitleOf>[0]>) =>
  displayTitleOf({ title: "", abstract: "", speakers: [], type: "talk", ...over });

describe("display titles", () => {
  it("uses the title when there is one", () => {
    expect(untitled({ title: "  Nix in the Wild " })).toBe("Nix in the Wild");
  });

  it("derives one from the abstract's first sentence", () => {
    expect(untitled({ abstract: "Exploring the pros-cons of a non-/nix prefix. More follows here." })).toBe("Exploring the pros-cons of a non-/nix prefix");
    expect(untitled({ abstract: "Why is Nix so slow? Let us find out." })).toBe("Why is Nix so slow?");
  });

  it("does not end the sentence at an abbreviation or a version number", () => {
    expect(titleFromAbstract("Tools, e.g. nix-tree and nix 2.18 in practice. Next.")).toBe("Tools, e.g. nix-tree and nix 2.18 in practice");
  });

  it("cuts a long first sentence at a word boundary with an ellipsis", () => {
    const abstract =
      "Kubernetes means containers but container images stop scaling once you hit twenty-five gigabytes even if you build them with Nix.";
    const title = titleFromAbstract(abstract)!;
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith("…")).toBe(true);
    expect(abstract.startsWith(title.slice(0, -1))).toBe(true);
    expect(abstract[title.length - 1]).toBe(" ");
  });

  it("names the speakers when there is no abstract", () => {
    expect(untitled({ speakers: ["Jane Doe"] })).toBe("Talk by Jane Doe");
    expect(untitled({ speakers: ["A", "B", "C"], type: "workshop" })).toBe("Workshop by A, B and C");
  });

  it("falls back to an honest placeholder", () => {
    expect(untitled({})).toBe("Untitled session");
    expect(untitled({ type: "lunch" })).toBe("Lunch");
    expect(joinNames([])).toBe("");
  });

  it("keeps derived sessions flagged untitled in the effective schedule", () => {
    const event = makeEvent({
      zone: "Europe/Brussels",
      rooms: [{ id: "k" }],
      sessions: [{ key: "x", roomId: "k", title: "", untitled: true, start: 0, end: 60_000, speakers: ["Jane Doe"] }],
    });
    expect(fold(event, []).sessions[0]).toMatchObject({ displayTitle: "Talk by Jane Doe", untitled: true, title: "" });
  });
});
