import { render } from "preact";
import { signal } from "@preact/signals";
const s = signal("Roomcast");
render(<h1>{s}</h1>, document.getElementById("app")!);
