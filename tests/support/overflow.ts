// Text a person cannot read because its box cuts it off: past the window's edge, or clipped by a
// box that hides its overflow without a way to scroll to it. Text shortened on purpose with an
// ellipsis (…) is allowed: the reader sees that there is more. Run in the page.
import type { Page } from 'playwright-core'

export type Overflow = { text: string; where: string; why: string }

export function overflowingText(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: { text: string; where: string; why: string }[] = []
    const describe = (el: Element) => {
      const parts: string[] = []
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement)
        parts.unshift(
          e.tagName.toLowerCase() +
            (e.classList.length ? '.' + [...e.classList].slice(0, 2).join('.') : '') +
            (e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : '')
        )
      return parts.join(' > ')
    }
    const visible = (el: Element, r: DOMRect) => {
      if (r.width < 1 || r.height < 1) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && Number(s.opacity) > 0.05 && !el.closest('[aria-hidden="true"], .ant-select-selection-search-mirror, .ag-hidden')
    }
    const scrolls = (v: string) => v === 'auto' || v === 'scroll'
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
        .map((n) => n.textContent!.trim())
        .join(' ')
      if (!own) continue
      // The text's own extent (a text node's range), not the element's, which may be a wide flex item.
      const range = document.createRange()
      range.selectNodeContents(el)
      const r = range.getBoundingClientRect()
      if (!visible(el, el.getBoundingClientRect())) continue
      const style = getComputedStyle(el)
      if (style.textOverflow === 'ellipsis') continue
      if (r.right > window.innerWidth + 1 || r.left < -1) {
        // Unless a scrolling box holds it (the reader can scroll to it).
        let scroller: Element | null = el.parentElement
        while (scroller && !scrolls(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement
        if (!scroller) found.push({ text: own.slice(0, 30), where: describe(el), why: `超出窗口（右缘 ${Math.round(r.right)} > ${window.innerWidth}）` })
        continue
      }
      // Clipped by an ancestor that hides overflow and does not scroll.
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a)
        if (scrolls(s.overflowX) || scrolls(s.overflowY)) break
        if (s.overflowX !== 'hidden' && s.overflowX !== 'clip' && s.overflowY !== 'hidden' && s.overflowY !== 'clip') continue
        if (a.closest('.ant-select-selector, .ag-header-cell, .ag-cell') && getComputedStyle(a).textOverflow === 'ellipsis') break
        const b = a.getBoundingClientRect()
        if (b.width < 1 || b.height < 1) break
        const cutX = (s.overflowX === 'hidden' || s.overflowX === 'clip') && (r.right > b.right + 1 || r.left < b.left - 1)
        const cutY = (s.overflowY === 'hidden' || s.overflowY === 'clip') && (r.bottom > b.bottom + 2 || r.top < b.top - 2)
        // Wholly outside its clipping box is hidden on purpose (a collapsed panel, a carousel's other page).
        const wholly = r.left >= b.right || r.right <= b.left || r.top >= b.bottom || r.bottom <= b.top
        if ((cutX || cutY) && !wholly) found.push({ text: own.slice(0, 30), where: describe(el), why: `被 ${describe(a).split(' > ').pop()} 截断` })
        break
      }
    }
    return found
  })
}
