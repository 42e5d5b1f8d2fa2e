/**
 * A file the user picked in the browser, as the contract's upload (its name and its bytes in
 * base64): how the web host receives what the desktop app reads through its own file dialog.
 */
export async function uploadOf(file: File): Promise<{ name: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}
