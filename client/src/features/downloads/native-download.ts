/**
 * Hands a URL to the browser's own download manager: the API answers it as an attachment, so the
 * page stays where it is and no byte passes through page memory.
 */
export function startNativeDownload(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
