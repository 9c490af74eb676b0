"""The public newsroom (bot/web/): its pages, feeds and errors, as a Persian reader of a news site reads them."""

from __future__ import annotations

__all__ = [
    "WEB_AGENCY_FEEDS",
    "WEB_ALL_RELEASES",
    "WEB_ATTACHMENTS_HEADING",
    "WEB_ATTACHMENTS_NOTE",
    "WEB_ATTACHMENT_KINDS",
    "WEB_BAD_REQUEST_HEADING",
    "WEB_CORRECTED_AT",
    "WEB_COUNTY_LABEL",
    "WEB_EMPTY_LISTING",
    "WEB_FEEDS_LABEL",
    "WEB_FEED_ATOM",
    "WEB_FEED_JSON",
    "WEB_FEED_RSS",
    "WEB_FOOTER",
    "WEB_FULL_TEXT_BUTTON",
    "WEB_GONE_HEADING",
    "WEB_GONE_NOTICE",
    "WEB_GONE_REASON",
    "WEB_HISTORY_CORRECTION",
    "WEB_HISTORY_HEADING",
    "WEB_HISTORY_PUBLICATION",
    "WEB_HOME_HEADING",
    "WEB_HOME_LINK",
    "WEB_LINK_NO_ADDRESS",
    "WEB_LINK_OFF",
    "WEB_LINK_ON",
    "WEB_LINK_USAGE",
    "WEB_METHOD_NOT_ALLOWED",
    "WEB_NAV_LABEL",
    "WEB_NEXT_PAGE",
    "WEB_NOT_FOUND_HEADING",
    "WEB_NOT_FOUND_TEXT",
    "WEB_PAGE_OF",
    "WEB_PREVIOUS_PAGE",
    "WEB_PROVINCE_HEADING",
    "WEB_PUBLISHED_AT",
    "WEB_QUERY_TOO_LONG",
    "WEB_SEARCH_BUTTON",
    "WEB_SEARCH_EMPTY",
    "WEB_SEARCH_HEADING",
    "WEB_SEARCH_LABEL",
    "WEB_SEARCH_PLACEHOLDER",
    "WEB_SEARCH_PROMPT",
    "WEB_SITE_DESCRIPTION",
    "WEB_SITE_NAME",
    "WEB_TOPICS_LABEL",
]

WEB_SITE_NAME = "خبرنامه روابط عمومی استان ایلام"
WEB_SITE_DESCRIPTION = "خبرهای رسمی دستگاه‌های اجرایی استان ایلام، همان‌طور که روابط عمومی‌ها منتشر کرده‌اند."
WEB_HOME_HEADING = "تازه‌ترین خبرها"
WEB_HOME_LINK = "صفحه نخست: تازه‌ترین خبرها"
WEB_PROVINCE_HEADING = "خبرهای استانی"
WEB_SEARCH_HEADING = "جست‌وجوی «{query}»"
WEB_SEARCH_LABEL = "جست‌وجو در خبرها"
WEB_SEARCH_PLACEHOLDER = "مثلاً: واکسیناسیون مهران"
WEB_SEARCH_BUTTON = "جست‌وجو"
WEB_SEARCH_PROMPT = "واژه‌هایی از عنوان یا متن خبر را در کادر جست‌وجو بنویسید؛ خبرهایی می‌آیند که همهٔ آن واژه‌ها را دارند."
WEB_SEARCH_EMPTY = "خبری با این عبارت پیدا نشد. واژه‌های کمتر یا دیگری را بیازمایید."
WEB_EMPTY_LISTING = "هنوز خبری در اینجا منتشر نشده است."
WEB_QUERY_TOO_LONG = "عبارت جست‌وجو باید حداکثر {limit} نویسه باشد؛ آن را کوتاه‌تر کنید."
WEB_NAV_LABEL = "پیمایش اصلی"
WEB_ALL_RELEASES = "همه خبرها"
WEB_NEXT_PAGE = "صفحه بعد: خبرهای قدیمی‌تر"
WEB_PREVIOUS_PAGE = "صفحه قبل: خبرهای تازه‌تر"
WEB_PAGE_OF = "صفحه {page}"
WEB_PUBLISHED_AT = "انتشار: {when}"
WEB_CORRECTED_AT = "اصلاح: {when}"
WEB_COUNTY_LABEL = "شهرستان"
WEB_TOPICS_LABEL = "موضوع‌ها"
WEB_AGENCY_FEEDS = "خبرهای این دستگاه"
WEB_FEEDS_LABEL = "خوراک‌ها"
WEB_FEED_RSS = "خوراک RSS"
WEB_FEED_ATOM = "خوراک Atom"
WEB_FEED_JSON = "خوراک JSON"
WEB_ATTACHMENTS_HEADING = "پیوست‌ها"
WEB_ATTACHMENTS_NOTE = "پرونده‌ها فقط همراه نسخه تلگرامی خبر فرستاده شده‌اند و اینجا نشانی عمومی ندارند."
WEB_ATTACHMENT_KINDS = {
    "photo": "عکس",
    "video": "ویدئو",
    "document": "پرونده",
    "animation": "تصویر متحرک",
    "audio": "صدا",
}
WEB_HISTORY_HEADING = "تاریخچه نسخه‌ها"
WEB_HISTORY_PUBLICATION = "نسخه {number}، انتشار: {when}"
WEB_HISTORY_CORRECTION = "نسخه {number}، اصلاح: {when}"
WEB_GONE_HEADING = "این خبر پس گرفته شده است"
WEB_GONE_NOTICE = "خبر {id} در {when} از سوی دستگاه منتشرکننده پس گرفته شد و متن آن دیگر در دسترس نیست."
WEB_GONE_REASON = "دلیل: {reason}"
WEB_NOT_FOUND_HEADING = "صفحه پیدا نشد"
WEB_NOT_FOUND_TEXT = "این نشانی در خبرنامه نیست. شاید خبر هنوز منتشر نشده یا نشانی اشتباه نوشته شده است."
WEB_BAD_REQUEST_HEADING = "درخواست نادرست"
WEB_METHOD_NOT_ALLOWED = "این نشانی فقط خواندنی است."
WEB_FOOTER = "منبع: دفتر روابط عمومی استانداری ایلام و روابط عمومی دستگاه‌های اجرایی استان."
WEB_FULL_TEXT_BUTTON = "🔗 متن کامل"
WEB_LINK_ON = "خبرهایی که به {place} می‌رسد دکمهٔ «🔗 متن کامل» دارد که صفحهٔ خبر را در وبگاه خبرنامه باز می‌کند."
WEB_LINK_OFF = "خبرهایی که به {place} می‌رسد دکمهٔ «🔗 متن کامل» ندارد."
WEB_LINK_USAGE = (
    "برای روشن کردن پیوند بفرستید: /weblink on\nبرای خاموش کردن: /weblink off\nپیش‌فرض: روشن، جز در کانال‌ها."
)
WEB_LINK_NO_ADDRESS = (
    "وبگاه خبرنامه هنوز نشانی عمومی ندارد (PUBLIC_BASE_URL)، پس پیوندی به خبرها فرستاده نمی‌شود. "
    "این را به مدیر ربات بگویید."
)
